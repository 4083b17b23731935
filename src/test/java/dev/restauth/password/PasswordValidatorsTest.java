package dev.restauth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain and its construction from settings; the first cases are the ones from the dj-rest-auth transcript. */
class PasswordValidatorsTest {
    private static final String TOO_SHORT = "This password is too short. It must contain at least 8 characters.";
    private static final String TOO_COMMON = "This password is too common.";
    private static final String NUMERIC = "This password is entirely numeric.";
    private static final String SIMILAR_TO_USERNAME = "The password is too similar to the username.";

    private static final PasswordValidators STANDARD = PasswordValidators.standard(8);
    private static final UserAttributes ALICE =
            new UserAttributes("alice_yihn7e", "alice_yihn7e@example.com", null, null);

    @Test
    void shortPasswordIsRejectedAsTooShort() {
        assertEquals(List.of(TOO_SHORT), STANDARD.validate("a1b2c", null));
    }

    @Test
    void passwordIsRejectedAsTooCommon() {
        assertEquals(List.of(TOO_COMMON), STANDARD.validate("password", null));
    }

    @Test
    void longDigitStringIsRejectedAsEntirelyNumeric() {
        assertEquals(List.of(NUMERIC), STANDARD.validate("83920174655", null));
    }

    @Test
    void commonDigitStringGetsBothMessagesInChainOrder() {
        assertEquals(List.of(TOO_COMMON, NUMERIC), STANDARD.validate("12345678", null));
    }

    @Test
    void shortCommonDigitStringGetsAllThreeMessagesInChainOrder() {
        assertEquals(List.of(TOO_SHORT, TOO_COMMON, NUMERIC), STANDARD.validate("1234", null));
    }

    @Test
    void similarToUsernameIsRejectedWithDjangosMessage() {
        assertEquals(List.of(SIMILAR_TO_USERNAME),
                STANDARD.validate("alice_yihn7e", new UserAttributes("alice_yihn7e", null, null, null)));
    }

    @Test
    void onlyTheFirstSimilarAttributeIsReported() {
        UserAttributes user = new UserAttributes("similarityyihn7e", "simyihn7e@example.com", null, null);
        assertEquals(List.of(SIMILAR_TO_USERNAME), STANDARD.validate("similarityyihn7e", user));
    }

    @Test
    void strongPasswordsPassForAlice() {
        for (String password : List.of("Tr0ub4dor&3x", "c0rrect-h0rse-b4ttery", "N3w-Tr0ub4dor&3x")) {
            assertEquals(List.of(), STANDARD.validate(password, ALICE), password);
        }
    }

    @Test
    void standardUsesTheGivenMinimumLength() {
        assertEquals(List.of("This password is too short. It must contain at least 12 characters."),
                PasswordValidators.standard(12).validate("Tr0ub4dor&3", ALICE));
    }

    @Test
    void emptyChainAcceptsEveryPassword() {
        assertEquals(List.of(), new PasswordValidators(List.of()).validate("1", ALICE));
        assertEquals(List.of(), PasswordValidators.fromNames(List.of(), 8).validate("1", ALICE));
    }

    @Test
    void chainRunsEveryValidatorInTheGivenOrder() {
        PasswordValidators chain = new PasswordValidators(List.of(
                new NumericPasswordValidator(), new CommonPasswordValidator(), new MinimumLengthValidator(8)));
        assertEquals(List.of(NUMERIC, TOO_COMMON, TOO_SHORT), chain.validate("1234", null));
    }

    @Test
    void theFourNamesBuildTheStandardChain() {
        PasswordValidators chain = PasswordValidators.fromNames(
                List.of("similarity", "minimum_length", "common", "numeric"), 8);
        assertEquals(List.of(SIMILAR_TO_USERNAME, TOO_SHORT, TOO_COMMON, NUMERIC),
                chain.validate("123456", new UserAttributes("123456", null, null, null)));
    }

    @Test
    void minimumLengthNameUsesTheGivenMinimum() {
        assertEquals(List.of("This password is too short. It must contain at least 1 character."),
                PasswordValidators.fromNames(List.of("minimum_length"), 1).validate("", null));
    }

    @Test
    void namedClassIsLoadedWithTheContextClassLoaderAndRunInOrder() {
        String className = RejectsEverything.class.getName();
        RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        PasswordValidators chain;
        try {
            chain = PasswordValidators.fromNames(List.of("numeric", className), 8);
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertTrue(loader.requested.contains(className), "asked for " + loader.requested);
        assertEquals(List.of(NUMERIC, "Rejected."), chain.validate("83920174655", null));
    }

    @Test
    void unknownNameIsRejectedNamingTheEntryAndTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordValidators.fromNames(List.of("similarity", "minimum_lenght"), 8));
        assertEquals("Unknown password validator 'minimum_lenght'; expected one of similarity, minimum_length, "
                + "common, numeric, or the fully-qualified name of a class implementing "
                + "dev.restauth.password.PasswordValidator", e.getMessage());
    }

    @Test
    void namesAreNotTrimmed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordValidators.fromNames(List.of(" numeric"), 8));
        assertTrue(e.getMessage().startsWith("Unknown password validator ' numeric';"), e.getMessage());
    }

    @Test
    void nullEntryIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordValidators.fromNames(Arrays.asList("numeric", null), 8));
        assertTrue(e.getMessage().startsWith("Password validator entry is null; expected one of"), e.getMessage());
    }

    @Test
    void missingClassIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordValidators.fromNames(List.of("com.example.NoSuchValidator"), 8));
        assertEquals("Password validator 'com.example.NoSuchValidator': no class of that name can be loaded",
                e.getMessage());
    }

    @Test
    void classThatIsNotAPasswordValidatorIsRejectedNamingTheInterface() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordValidators.fromNames(List.of("java.lang.StringBuilder"), 8));
        assertEquals("Password validator 'java.lang.StringBuilder': the class does not implement "
                + "dev.restauth.password.PasswordValidator", e.getMessage());
    }

    @Test
    void abstractClassIsRejected() {
        String name = AbstractValidator.class.getName();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordValidators.fromNames(List.of(name), 8));
        assertEquals("Password validator '" + name + "': the class is abstract and cannot be instantiated",
                e.getMessage());
    }

    @Test
    void classWithoutNoArgConstructorIsRejected() {
        String name = NeedsArgument.class.getName();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordValidators.fromNames(List.of(name), 8));
        assertEquals("Password validator '" + name + "': the class has no public no-arg constructor",
                e.getMessage());
    }

    @Test
    void failingConstructorIsReportedWithItsCause() {
        String name = FailsToConstruct.class.getName();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordValidators.fromNames(List.of(name), 8));
        assertEquals("Password validator '" + name + "': the constructor failed: "
                + "java.lang.IllegalStateException: no list configured", e.getMessage());
        assertEquals("no list configured", e.getCause().getMessage());
    }

    /** Loaded by name in the tests above. */
    public static final class RejectsEverything implements PasswordValidator {
        @Override
        public List<String> validate(String password, UserAttributes user) {
            return List.of("Rejected.");
        }
    }

    /** Cannot be instantiated. */
    public abstract static class AbstractValidator implements PasswordValidator {
    }

    /** Has only a constructor with an argument. */
    public static final class NeedsArgument implements PasswordValidator {
        public NeedsArgument(int ignored) {
        }

        @Override
        public List<String> validate(String password, UserAttributes user) {
            return List.of();
        }
    }

    /** Its constructor throws. */
    public static final class FailsToConstruct implements PasswordValidator {
        public FailsToConstruct() {
            throw new IllegalStateException("no list configured");
        }

        @Override
        public List<String> validate(String password, UserAttributes user) {
            return List.of();
        }
    }

    /** Delegates to its parent and remembers which names it was asked for. */
    private static final class RecordingClassLoader extends ClassLoader {
        final List<String> requested = new ArrayList<>();

        RecordingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }
}
