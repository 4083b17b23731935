package dev.restauth.password;

import java.util.List;

/**
 * One password rule, the counterpart of one entry in Django's {@code AUTH_PASSWORD_VALIDATORS}.
 *
 * <p>Implementations must be stateless and thread-safe: one instance serves every request. Classes named in the
 * validator setting also need a public no-arg constructor (see {@link PasswordValidators#fromNames}).
 */
public interface PasswordValidator {

    /**
     * Checks {@code password}.
     *
     * @param password the candidate password, not null
     * @param user     the user it is for, or null when there is none yet; rules that compare against the user then
     *                 check nothing
     * @return the message of every failure, exactly as a client should see it; empty when the password passes
     */
    List<String> validate(String password, UserAttributes user);
}
