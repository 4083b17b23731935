package dev.restauth.password;

import dev.restauth.text.PythonText;
import dev.restauth.text.Messages;
import java.util.List;

/**
 * Django's {@code NumericPasswordValidator}: rejects passwords made only of digits, by Python's
 * {@code str.isdigit()}. That counts every script's decimal digits ("١٢٣٤٥٦٧٨٩٠", "１２３４") and also
 * superscript, subscript and circled digits ("¹²³", "①②③"), but not other numerals ("Ⅻ", "½", "三"). The empty
 * password is not numeric.
 *
 * <p>The one deviation from Python is the Unicode version of the character tables (see {@link PythonText}).
 * Stateless and thread-safe.
 */
public final class NumericPasswordValidator implements PasswordValidator {

    @Override
    public List<String> validate(String password, UserAttributes user) {
        if (PythonText.isDigit(password)) {
            return List.of(Messages.get("password.entirely_numeric"));
        }
        return List.of();
    }
}
