package dev.restauth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected results checked against Django 3.2.25's CommonPasswordValidator. */
class CommonPasswordValidatorTest {
    private static final List<String> COMMON = List.of("This password is too common.");
    private static final String OWN_LIST = "Secret\r\n  hunter2  \rswordfish\n";

    @TempDir
    Path dir;

    @Test
    void djangosListHoldsItsFirstAndLastEntries() {
        CommonPasswordValidator validator = new CommonPasswordValidator();
        assertEquals(COMMON, validator.validate("bigpimpin1", null));
        assertEquals(COMMON, validator.validate("chobits", null));
        assertEquals(List.of(), validator.validate("Tr0ub4dor&3x", null));
    }

    @Test
    void comparisonLowerCasesThenStripsPythonWhitespace() {
        CommonPasswordValidator validator = new CommonPasswordValidator();
        assertEquals(COMMON, validator.validate("\u2003PASSWORD\u2029", null));
        assertEquals(List.of(), validator.validate("\uFEFFpassword", null));
    }

    @Test
    void ownPlainTextListSplitsOnEveryNewlineAndStripsEntries() throws IOException {
        Path list = dir.resolve("list.txt");
        Files.writeString(list, OWN_LIST, StandardCharsets.UTF_8);
        assertOwnListBehavesLikeDjangos(new CommonPasswordValidator(list));
    }

    @Test
    void ownGzippedListIsRecognisedByItsMagicNumber() throws IOException {
        Path list = dir.resolve("list.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(list))) {
            out.write(OWN_LIST.getBytes(StandardCharsets.UTF_8));
        }
        assertOwnListBehavesLikeDjangos(new CommonPasswordValidator(list));
    }

    private static void assertOwnListBehavesLikeDjangos(CommonPasswordValidator validator) {
        assertEquals(COMMON, validator.validate(" HUNTER2 ", null));
        assertEquals(COMMON, validator.validate("swordfish", null));
        // Entries are not lower-cased, and every password is, so "Secret" can never match.
        assertEquals(List.of(), validator.validate("Secret", null));
        assertEquals(List.of(), validator.validate("secret", null));
        assertEquals(List.of(), validator.validate("password", null));
    }

    @Test
    void missingListIsAnError() {
        assertThrows(UncheckedIOException.class, () -> new CommonPasswordValidator(dir.resolve("absent.txt")));
    }

    @Test
    void listThatIsNotUtf8IsAnError() throws IOException {
        Path list = dir.resolve("latin1.txt");
        Files.write(list, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertThrows(UncheckedIOException.class, () -> new CommonPasswordValidator(list));
    }
}
