package dev.restauth.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few Python {@code str} operations Django's validators rely on, with Python's semantics rather than Java's
 * look-alikes. Python strings are sequences of code points, so everything here counts and compares code points,
 * never UTF-16 chars.
 *
 * <p>Each method was checked against CPython 3.11 over every code point, and lower-casing, stripping and splitting
 * also over 100,000 random strings. The only differences left come from the Unicode version: the JDK's tables
 * (Unicode 13 in Java 17) lack the characters added in Unicode 14 (Python 3.11), and U+1734 is still Mn rather than
 * Mc. Stateless and thread-safe.
 */
public final class PythonText {

    /**
     * Code points outside general category Nd for which Python's {@code str.isdigit()} is true (Numeric_Type=Digit:
     * superscripts, subscripts, circled and parenthesised digits, ...), as inclusive ranges. Java has no accessor
     * for the Numeric_Type property, so the list is taken from CPython 3.11's {@code unicodedata} (Unicode 14.0); all
     * 128 are category No.
     */
    private static final int[][] DIGITS_OUTSIDE_ND = {
        {0x00B2, 0x00B3}, {0x00B9, 0x00B9}, {0x1369, 0x1371}, {0x19DA, 0x19DA}, {0x2070, 0x2070},
        {0x2074, 0x2079}, {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247C}, {0x2488, 0x2490},
        {0x24EA, 0x24EA}, {0x24F5, 0x24FD}, {0x24FF, 0x24FF}, {0x2776, 0x277E}, {0x2780, 0x2788},
        {0x278A, 0x2792}, {0x10A40, 0x10A43}, {0x10E60, 0x10E68}, {0x11052, 0x1105A}, {0x1F100, 0x1F10A},
    };

    /** Code points with Word_Break MidLetter, MidNumLet or Single_Quote, sorted (Unicode 14.0). */
    private static final int[] WORD_BREAK_MID = {
        0x0027, 0x002E, 0x003A, 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52,
        0xFE55, 0xFF07, 0xFF0E, 0xFF1A,
    };

    private static final int CAPITAL_SIGMA = 0x03A3;
    private static final int CAPITAL_I_WITH_DOT = 0x0130;

    private PythonText() {
    }

    /** Python's {@code len(s)}: the number of code points, so an emoji counts once. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Python's {@code s.lower()}: each code point's full lower-case mapping ("İ" becomes "i̇", two code points),
     * whatever the JVM's default locale, and Python's own rule for capital sigma (see {@link #isFinalSigma}).
     * Not {@link String#toLowerCase(java.util.Locale)}: Java decides final sigma by word boundaries, so "Σ7١Σ"
     * and "ΣΣ9" come out differently.
     */
    public static String lower(String s) {
        StringBuilder lower = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp == CAPITAL_SIGMA) {
                lower.append(isFinalSigma(s, i) ? '\u03C2' : '\u03C3');
            } else if (cp == CAPITAL_I_WITH_DOT) {
                // The only code point whose lower case is longer than itself; Character.toLowerCase cannot say so.
                lower.append("i\u0307");
            } else {
                lower.appendCodePoint(Character.toLowerCase(cp));
            }
            i += Character.charCount(cp);
        }
        return lower.toString();
    }

    /**
     * Whether the capital sigma at {@code index} lower-cases to final "ς", as CPython's
     * {@code handle_capital_sigma} decides: the nearest code point before it that is not case-ignorable exists and
     * is cased, and the nearest one after it that is not case-ignorable is missing or not cased.
     */
    private static boolean isFinalSigma(String s, int index) {
        int before = index;
        int cp = 0;
        while (before > 0) {
            cp = s.codePointBefore(before);
            if (!isCaseIgnorable(cp)) {
                break;
            }
            before -= Character.charCount(cp);
        }
        if (before == 0 || !isCased(cp)) {
            return false;
        }
        for (int after = index + 1; after < s.length(); after += Character.charCount(cp)) {
            cp = s.codePointAt(after);
            if (!isCaseIgnorable(cp)) {
                return !isCased(cp);
            }
        }
        return true;
    }

    /** Unicode's Cased property: lower case, upper case (both including the Other_ properties) or title case. */
    private static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /**
     * Unicode's Case_Ignorable property: categories Mn, Me, Cf, Lm and Sk, plus the Word_Break classes MidLetter,
     * MidNumLet and Single_Quote, which Java has no accessor for and are listed in {@link #WORD_BREAK_MID}.
     */
    private static boolean isCaseIgnorable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT,
                    Character.MODIFIER_LETTER, Character.MODIFIER_SYMBOL -> true;
            default -> Arrays.binarySearch(WORD_BREAK_MID, cp) >= 0;
        };
    }

    /**
     * Python's {@code s.strip()}: removes leading and trailing Python whitespace ({@link #isSpace}). Differs from
     * {@link String#strip()}, which keeps no-break spaces and U+0085 but drops nothing else Python keeps.
     */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        // Every Python whitespace character is in the BMP, so stepping by char is exact.
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Python's {@code str.isspace()} for one code point: general category Zs, or bidirectional class WS, B or S.
     * That is the ASCII controls 9–13 and 28–31, space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
     * U+202F, U+205F and U+3000; not U+200B or U+FEFF.
     */
    public static boolean isSpace(int cp) {
        if (cp <= 0x20) {
            return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Python's {@code s.isdigit()}: true when {@code s} is not empty and every code point is a digit. */
    public static boolean isDigit(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(PythonText::isDigit);
    }

    /** Python's {@code str.isdigit()} for one code point: Numeric_Type Decimal (category Nd) or Digit. */
    public static boolean isDigit(int cp) {
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return true;
        }
        for (int[] range : DIGITS_OUTSIDE_ND) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Python's {@code re.split(r'\W+', s)}: the pieces between runs of non-word characters, keeping the empty
     * piece before a leading run and after a trailing one.
     */
    public static List<String> splitOnNonWord(String s) {
        List<String> parts = new ArrayList<>();
        int pieceStart = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isWord(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            parts.add(s.substring(pieceStart, i));
            while (i < s.length() && !isWord(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            pieceStart = i;
        }
        parts.add(s.substring(pieceStart));
        return parts;
    }

    /**
     * Python's {@code \w} in a {@code str} pattern: {@code _} or {@code str.isalnum()}, which comes to general
     * categories L* and N*. Not Java's {@code \w} even with {@code UNICODE_CHARACTER_CLASS}: that one also takes
     * combining marks (Mn, Mc, Me), all connector punctuation (Pc) and the joiners U+200C/U+200D, and leaves out
     * category No ("²", "½"), so it splits user names differently.
     */
    public static boolean isWord(int cp) {
        if (cp == '_') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
