package dev.restauth.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are what CPython 3.11 returns for the same strings. */
class PythonTextTest {

    @Test
    void lengthCountsCodePoints() {
        assertEquals(3, PythonText.length("a\uD83D\uDE00b"));
        assertEquals(2, PythonText.length("e\u0301"));
    }

    @Test
    void lowerMapsDottedCapitalIToTwoCodePoints() {
        assertEquals("i\u0307stanbul", PythonText.lower("İSTANBUL"));
    }

    @Test
    void lowerDecidesFinalSigmaLikeCPython() {
        assertEquals("οδος", PythonText.lower("ΟΔΟΣ"));
        assertEquals("σ", PythonText.lower("Σ"));
        assertEquals("ας.", PythonText.lower("ΑΣ."));
        assertEquals("ασα", PythonText.lower("ΑΣΑ"));
        assertEquals("α\u0301ς", PythonText.lower("Α\u0301Σ"));
        assertEquals("ας\u0301", PythonText.lower("ΑΣ\u0301"));
        assertEquals("α1σ", PythonText.lower("Α1Σ"));
        assertEquals("σς1a", PythonText.lower("ΣΣ1a"));
        assertEquals("σ7١σ", PythonText.lower("Σ7١Σ"));
    }

    @Test
    void stripRemovesPythonWhitespaceOnly() {
        assertEquals("x", PythonText.strip(" \t\n\u000B\f\r\u001C\u001D\u001E\u001Fx\u0085\u00A0\u1680\u2007\u2028"
                + "\u2029\u202F\u205F\u3000"));
        assertEquals("\u200Bx\uFEFF", PythonText.strip("\u200Bx\uFEFF"));
        assertEquals("", PythonText.strip("   "));
    }

    @Test
    void isDigitIsFalseForTheEmptyString() {
        assertFalse(PythonText.isDigit(""));
        assertTrue(PythonText.isDigit("0"));
    }

    @Test
    void splitKeepsEmptyPiecesAtTheEndsLikeReSplit() {
        assertEquals(List.of("alice", ""), PythonText.splitOnNonWord("alice."));
        assertEquals(List.of("", "alice"), PythonText.splitOnNonWord(".alice"));
        assertEquals(List.of("a", "b"), PythonText.splitOnNonWord("a..b"));
        assertEquals(List.of(""), PythonText.splitOnNonWord(""));
        assertEquals(List.of("", ""), PythonText.splitOnNonWord("..."));
        assertEquals(List.of("bob", "smith", "example", "com"), PythonText.splitOnNonWord("bob.smith@example.com"));
    }

    @Test
    void splitUsesPythonsWordCharactersNotJavas() {
        assertEquals(List.of("x", "y"), PythonText.splitOnNonWord("x\u0301y"));
        assertEquals(List.of("x", "y"), PythonText.splitOnNonWord("x\u203Fy"));
        assertEquals(List.of("x", "y"), PythonText.splitOnNonWord("x\u200Dy"));
        assertEquals(List.of("x²y"), PythonText.splitOnNonWord("x²y"));
        assertEquals(List.of("x_y"), PythonText.splitOnNonWord("x_y"));
    }
}
