package dev.restauth.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.auth.crypto.Base32;
import dev.restauth.auth.crypto.Totp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An authenticator app for tests: activates TOTP for a signed-in user through the wire as a person would (reads the
 * secret from {@code GET mfa/totp/activate/}, confirms with the code of the moment) and then tells the code of any
 * moment of the test's clock, with RFC 6238's SHA-1, 6 digits and 30 s.
 */
public final class AuthenticatorApp {
    private final byte[] secret;
    private final Clock clock;
    private final Totp totp = new Totp(Totp.Algorithm.SHA1, 6, 30);
    private final List<String> recoveryCodes;

    private AuthenticatorApp(byte[] secret, Clock clock, List<String> recoveryCodes) {
        this.secret = secret;
        this.clock = clock;
        this.recoveryCodes = recoveryCodes;
    }

    /**
     * Activates TOTP for the user these headers authenticate, and moves the clock one step on, so the activation's
     * own code (which no login accepts afterwards) is behind.
     */
    public static AuthenticatorApp activate(Http http, MutableClock clock, String... auth) {
        Http.Response proposal = http.get("/mfa/totp/activate/", auth);
        if (proposal.status() != 200) {
            throw new AssertionError("activation proposal failed: " + proposal);
        }
        JsonObject body = proposal.json();
        byte[] secret = Base32.decode(body.get("secret").getAsString());
        AuthenticatorApp app = new AuthenticatorApp(secret, clock, List.of());
        Http.Response confirmed = http.post("/mfa/totp/activate/", "{\"activation_token\":\""
                + body.get("activation_token").getAsString() + "\",\"code\":\"" + app.code() + "\"}", auth);
        if (confirmed.status() != 200) {
            throw new AssertionError("activation failed: " + confirmed);
        }
        List<String> codes = new ArrayList<>();
        JsonArray list = confirmed.json().getAsJsonArray("recovery_codes");
        list.forEach(code -> codes.add(code.getAsString()));
        clock.advance(java.time.Duration.ofSeconds(30));
        return new AuthenticatorApp(secret, clock, List.copyOf(codes));
    }

    /** The code the app shows now. */
    public String code() {
        return totp.code(secret, totp.step(clock.instant()));
    }

    /** The code the app showed {@code steps} steps ago (negative: ahead). */
    public String codeStepsAgo(int steps) {
        return totp.code(secret, totp.step(clock.instant()) - steps);
    }

    /** The recovery codes the activation showed. */
    public List<String> recoveryCodes() {
        return recoveryCodes;
    }
}
