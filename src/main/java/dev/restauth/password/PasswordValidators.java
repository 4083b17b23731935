package dev.restauth.password;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The configured chain of password rules, Django's {@code validate_password}: every rule runs, in order, and
 * every failure message is collected, so a client learns all that is wrong with a password at once.
 *
 * <p>Immutable and thread-safe as long as its rules are, which {@link PasswordValidator} requires.
 */
public final class PasswordValidators {
    /** The setting name of {@link UserAttributeSimilarityValidator}. */
    public static final String SIMILARITY = "similarity";
    /** The setting name of {@link MinimumLengthValidator}. */
    public static final String MINIMUM_LENGTH = "minimum_length";
    /** The setting name of {@link CommonPasswordValidator}. */
    public static final String COMMON = "common";
    /** The setting name of {@link NumericPasswordValidator}. */
    public static final String NUMERIC = "numeric";

    private final List<PasswordValidator> validators;

    /** A chain of {@code validators}, run in the given order; an empty list accepts every password. */
    public PasswordValidators(List<PasswordValidator> validators) {
        this.validators = List.copyOf(validators);
    }

    /**
     * Django's four rules in the order of its default settings: similarity to the user, minimum length of
     * {@code minLength}, common passwords, entirely numeric.
     */
    public static PasswordValidators standard(int minLength) {
        return new PasswordValidators(List.of(
                new UserAttributeSimilarityValidator(),
                new MinimumLengthValidator(minLength),
                new CommonPasswordValidator(),
                new NumericPasswordValidator()));
    }

    /**
     * Builds the chain from setting values, in order. Each entry is one of {@value #SIMILARITY},
     * {@value #MINIMUM_LENGTH} (which uses {@code minLength}), {@value #COMMON} and {@value #NUMERIC}, or the
     * fully-qualified (binary) name of a class implementing {@link PasswordValidator} with a public no-arg
     * constructor, loaded with the thread's context class loader. Entries are taken exactly as given, neither
     * trimmed nor case-folded. An empty list means no validation at all.
     *
     * @throws IllegalArgumentException naming the entry and the problem when an entry is none of the names, its
     *                                  class cannot be loaded, is not a {@link PasswordValidator} or cannot be
     *                                  instantiated
     */
    public static PasswordValidators fromNames(List<String> names, int minLength) {
        List<PasswordValidator> validators = new ArrayList<>(names.size());
        for (String name : names) {
            validators.add(fromName(name, minLength));
        }
        return new PasswordValidators(validators);
    }

    /**
     * Runs every rule on {@code password}.
     *
     * @param password the candidate password, not null
     * @param user     the user it is for, or null when there is none yet
     * @return every failure message in chain order; empty when the password passes
     */
    public List<String> validate(String password, UserAttributes user) {
        List<String> messages = new ArrayList<>();
        for (PasswordValidator validator : validators) {
            messages.addAll(validator.validate(password, user));
        }
        return List.copyOf(messages);
    }

    private static PasswordValidator fromName(String name, int minLength) {
        if (name == null) {
            throw new IllegalArgumentException("Password validator entry is null; " + expected());
        }
        switch (name) {
            case SIMILARITY:
                return new UserAttributeSimilarityValidator();
            case MINIMUM_LENGTH:
                return new MinimumLengthValidator(minLength);
            case COMMON:
                return new CommonPasswordValidator();
            case NUMERIC:
                return new NumericPasswordValidator();
            default:
                // A class name is qualified; a bare word can only be a misspelt short name.
                if (name.indexOf('.') < 0) {
                    throw new IllegalArgumentException("Unknown password validator '" + name + "'; " + expected());
                }
                return instantiate(name, loadClass(name));
        }
    }

    private static Class<?> loadClass(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = PasswordValidators.class.getClassLoader();
        }
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "Password validator '" + name + "': no class of that name can be loaded", e);
        } catch (LinkageError e) {
            throw new IllegalArgumentException(
                    "Password validator '" + name + "': the class cannot be loaded or initialised: " + e, e);
        }
    }

    private static PasswordValidator instantiate(String name, Class<?> type) {
        String problem = null;
        if (!PasswordValidator.class.isAssignableFrom(type)) {
            problem = "the class does not implement " + PasswordValidator.class.getName();
        } else if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            problem = "the class is abstract and cannot be instantiated";
        }
        if (problem != null) {
            throw new IllegalArgumentException("Password validator '" + name + "': " + problem);
        }
        try {
            return (PasswordValidator) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    "Password validator '" + name + "': the class has no public no-arg constructor", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(
                    "Password validator '" + name + "': the class or its constructor is not accessible: "
                            + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "Password validator '" + name + "': the constructor failed: " + e.getCause(), e.getCause());
        } catch (InstantiationException e) {
            throw new IllegalArgumentException(
                    "Password validator '" + name + "': the class cannot be instantiated", e);
        }
    }

    private static String expected() {
        return "expected one of " + String.join(", ", SIMILARITY, MINIMUM_LENGTH, COMMON, NUMERIC)
                + ", or the fully-qualified name of a class implementing " + PasswordValidator.class.getName();
    }
}
