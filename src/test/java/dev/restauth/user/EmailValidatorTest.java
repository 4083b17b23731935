package dev.restauth.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from Django 3.2's own validator tests (tests/validators/tests.py), valid and invalid. */
class EmailValidatorTest {
    @ParameterizedTest
    @ValueSource(strings = {"email@here.com", "weirder-email@here.and.there.com", "email@[127.0.0.1]",
            "email@[2001:dB8::1]", "email@[2001:dB8:0:0:0:0:0:1]", "email@[::fffF:127.0.0.1]",
            "example@valid-----hyphens.com", "example@valid-with-hyphens.com", "test@domain.with.idn.tld.उदाहरण.परीक्षा",
            "email@localhost", "\"test@test\"@example.com", "example@atm.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "Bob_yihn7e@Example.COM", "alice_yihn7e@example.com"})
    void djangoAcceptsTheseAndSoDoesRestauth(String address) {
        assertTrue(EmailValidator.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "abc@", "abc@bar", "a @x.cz", "abc@.com", "something@@somewhere.com",
            "email@127.0.0.1", "email@[127.0.0.256]", "email@[2001:db8::12345]", "email@[2001:db8:0:0:0:0:1]",
            "email@[::ffff:127.0.0.256]", "example@invalid-.com", "example@-invalid.com", "example@invalid.com-",
            "example@inv-.alid-.com", "example@inv-.-alid.com", "test@example.com\n\n<script src=\"x.js\">",
            "\"\\\012\"@here.com", "trailingdot@shouldfail.com.", "not-an-email", "nope",
            "a@b.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void djangoRefusesTheseAndSoDoesRestauth(String address) {
        assertFalse(EmailValidator.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(ints = {321, 5000})
    void overlongAddressesAreRefusedOutright(int length) {
        assertFalse(EmailValidator.isValid("a".repeat(length - 12) + "@example.com"));
    }
}
