package dev.restauth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The standard chain against real Django. Every expected list below was produced by Django 3.2.25's
 * {@code validate_password} (CPython 3.11.7) with its four validators in the default order, for an unsaved
 * {@code django.contrib.auth.models.User} built from the same attributes (unset ones left out), or with
 * {@code user=None} where the user here is null. The outputs are pasted unchanged.
 */
class DjangoParityTest {
    private static final PasswordValidators STANDARD = PasswordValidators.standard(8);

    static Stream<Arguments> djangoOutputs() {
        return Stream.of(
                django("mixed case password matches the username case-insensitively",
                        "Alice_Yihn7e", new UserAttributes("alice_yihn7e", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("upper-case username matches a lower-case password",
                        "bob_the_builder", new UserAttributes("BOB_THE_BUILDER", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("an anagram of the username is similar because quick_ratio ignores order",
                        "e7nhiy_ecila", new UserAttributes("alice_yihn7e", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("padding the username with whitespace keeps it similar",
                        "  alice_yihn7e  ", new UserAttributes("alice_yihn7e", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("quick_ratio of exactly 0.7 counts as similar",
                        "abcdefgxyz", new UserAttributes("abcdefgqrs", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("quick_ratio just below 0.7 is not similar",
                        "abcdefgxyzw", new UserAttributes("abcdefgqrst", null, null, null),
                        List.of()),
                django("the local part of the e-mail address is compared on its own",
                        "bobsmith1999", new UserAttributes(null, "bob.smith1999@example.com", null, null),
                        List.of("The password is too similar to the email address.")),
                django("the domain of the e-mail address is compared on its own",
                        "example123", new UserAttributes(null, "someone@example.com", null, null),
                        List.of("The password is too similar to the email address.")),
                django("the whole e-mail address is compared",
                        "alice_yihn7e@example.com", new UserAttributes(null, "alice_yihn7e@example.com", null, null),
                        List.of("The password is too similar to the email address.")),
                django("a password unlike every attribute passes",
                        "Tr0ub4dor&3x",
                        new UserAttributes("alice_yihn7e", "alice_yihn7e@example.com", "Alice", "Liddell"),
                        List.of()),
                django("the first name is reported by its verbose name",
                        "Margaret1", new UserAttributes("mthatcher", null, "Margaret", "Thatcher"),
                        List.of(
                                "The password is too similar to the first name.",
                                "This password is too common.")),
                django("the last name is reported by its verbose name",
                        "Oppenheimer!", new UserAttributes("jrobert", null, "Robert", "Oppenheimer"),
                        List.of("The password is too similar to the last name.")),
                django("each part of a hyphenated first name is compared",
                        "mariexyz", new UserAttributes(null, null, "Anne-Marie", null),
                        List.of("The password is too similar to the first name.")),
                django("first name wins over e-mail address when both are similar",
                        "margaret", new UserAttributes(null, "margaret@example.com", "Margaret", null),
                        List.of(
                                "The password is too similar to the first name.",
                                "This password is too common.")),
                django("username wins over last name when both are similar",
                        "liddell1", new UserAttributes("liddell", null, null, "Liddell"),
                        List.of("The password is too similar to the username.")),
                django("without a user similarity checks nothing",
                        "alice_yihn7e", null,
                        List.of()),
                django("empty attributes are skipped",
                        "Tr0ub4dor&3x", new UserAttributes("", "", "", ""),
                        List.of()),
                django("non-ASCII letters are lower-cased and compared",
                        "JÜRGEN1990", new UserAttributes("jürgen", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("Turkish capitals lower-case to more code points",
                        "ÇAĞLAR.ÖZ", new UserAttributes(null, null, "çağlar", null),
                        List.of("The password is too similar to the first name.")),
                django("dotted capital I lower-cases to two code points",
                        "İstanbul99", new UserAttributes("istanbul", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("Greek capitals lower-case with final sigma",
                        "ΟΔΥΣΣΕΥΣ1", new UserAttributes("οδυσσευς", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("a combining mark splits a username like punctuation",
                        "abcdefgh", new UserAttributes("qqqqqqqqqqqq\u0301abcdefg", null, null, null),
                        List.of(
                                "The password is too similar to the username.",
                                "This password is too common.")),
                django("connector punctuation other than underscore splits a username",
                        "abcdefgh", new UserAttributes("qqqqqqqqqqqq‿abcdefg", null, null, null),
                        List.of(
                                "The password is too similar to the username.",
                                "This password is too common.")),
                django("a superscript digit does not split a username",
                        "abcdefgh", new UserAttributes("abcdefg²qqqqqqqqqqqq", null, null, null),
                        List.of("This password is too common.")),
                django("capital sigma lower-cases by Python's rule, not by Java's word boundaries",
                        "a1Σ", new UserAttributes("ΣΣ1a", null, null, null),
                        List.of(
                                "The password is too similar to the username.",
                                "This password is too short. It must contain at least 8 characters.")),
                django("sharp s is not folded to ss",
                        "STRASSE1", new UserAttributes("straße", null, null, null),
                        List.of("The password is too similar to the username.")),
                django("the empty password is too similar to a username ending in punctuation",
                        "", new UserAttributes("alice.", null, null, null),
                        List.of(
                                "The password is too similar to the username.",
                                "This password is too short. It must contain at least 8 characters.")),
                django("the empty password is not similar to a plain username",
                        "", new UserAttributes("alice", null, null, null),
                        List.of("This password is too short. It must contain at least 8 characters.")),
                django("the empty password is only too short without a user",
                        "", null,
                        List.of("This password is too short. It must contain at least 8 characters.")),
                django("whitespace-padded common password is common",
                        "  password  ", null,
                        List.of("This password is too common.")),
                django("tab and newline padded common password is common",
                        "\tqwerty123\n", null,
                        List.of("This password is too common.")),
                django("no-break and ideographic spaces are stripped like Python does",
                        "\u00A0iloveyou\u3000", null,
                        List.of("This password is too common.")),
                django("next line and separator controls are stripped like Python does",
                        "\u001Cdragon\u0085", null,
                        List.of("This password is too common.")),
                django("a zero-width space is not whitespace so the password is not common",
                        "\u200Bpassword", null,
                        List.of()),
                django("inner whitespace is kept so the password is not common",
                        "pass word", null,
                        List.of()),
                django("mixed case common password is common",
                        "PassWord", null,
                        List.of("This password is too common.")),
                django("upper-case common password is common",
                        "QWERTYUIOP", null,
                        List.of("This password is too common.")),
                django("eight spaces strip to nothing, which is not in the list",
                        "        ", null,
                        List.of()),
                django("Arabic-Indic digits are entirely numeric",
                        "١٢٣٤٥٦٧٨٩٠", null,
                        List.of("This password is entirely numeric.")),
                django("full-width digits are numeric but not normalised into a common password",
                        "１２３４５６７８", null,
                        List.of("This password is entirely numeric.")),
                django("superscript digits count as digits",
                        "¹²³⁴⁵⁶⁷⁸⁹", null,
                        List.of("This password is entirely numeric.")),
                django("circled digits count as digits",
                        "①②③④⑤⑥⑦⑧", null,
                        List.of("This password is entirely numeric.")),
                django("Roman numerals are not digits",
                        "ⅠⅡⅢⅣⅤⅥⅦⅧ", null,
                        List.of()),
                django("vulgar fractions are not digits",
                        "½½½½½½½½", null,
                        List.of()),
                django("CJK numerals are not digits",
                        "一二三四五六七八", null,
                        List.of()),
                django("a digit string with a space is not numeric",
                        "1234 5678", null,
                        List.of()),
                django("seven emoji are too short because length counts code points",
                        "😀😀😀😀😀😀😀", null,
                        List.of("This password is too short. It must contain at least 8 characters.")),
                django("eight emoji are long enough",
                        "😀😀😀😀😀😀😀😀", null,
                        List.of()),
                django("a combining accent counts as its own character",
                        "cafe\u0301s", null,
                        List.of("This password is too short. It must contain at least 8 characters.")),
                django("a short common numeric password fails three rules",
                        "1234567", null,
                        List.of(
                                "This password is too short. It must contain at least 8 characters.",
                                "This password is too common.",
                                "This password is entirely numeric.")),
                django("ten zeros are common and numeric",
                        "0000000000", null,
                        List.of(
                                "This password is too common.",
                                "This password is entirely numeric.")),
                django("a long passphrase passes",
                        "correct horse battery staple", null,
                        List.of()),
                django("similar, short, common and numeric at once",
                        "123456", new UserAttributes("123456", null, null, null),
                        List.of(
                                "The password is too similar to the username.",
                                "This password is too short. It must contain at least 8 characters.",
                                "This password is too common.",
                                "This password is entirely numeric.")));
    }

    private static Arguments django(String description, String password, UserAttributes user, List<String> messages) {
        return Arguments.of(description, password, user, messages);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("djangoOutputs")
    void answersExactlyWhatDjangoAnswers(String description, String password, UserAttributes user,
                                         List<String> djangoMessages) {
        assertEquals(djangoMessages, STANDARD.validate(password, user));
    }
}
