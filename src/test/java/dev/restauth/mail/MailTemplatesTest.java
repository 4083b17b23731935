package dev.restauth.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.config.SettingsException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class MailTemplatesTest {
    private final MailTemplates defaults = new MailTemplates(null, "example.com", "example.com");

    @TempDir
    Path dir;

    @Test
    void theConfirmationMailReadsLikeTheReferences() {
        Mail mail = defaults.render("email_confirmation", Map.of("user_display", "alice_yihn7e", "activate_url",
                "http://127.0.0.1:8001/rest-auth/registration/account-confirm-email/MQ:1xXSaC:1FpmMxe1mYXuF2JcFASYBD"
                        + "JVAhmmuKbvjl_cr0y62Q4/"), "alice_yihn7e@example.com");
        assertEquals("alice_yihn7e@example.com", mail.to());
        assertEquals("[example.com] Please Confirm Your E-mail Address", mail.subject());
        assertEquals("Hello from example.com!\n"
                + "\n"
                + "You're receiving this e-mail because user alice_yihn7e has given your e-mail address to register "
                + "an account on example.com.\n"
                + "\n"
                + "To confirm this is correct, go to http://127.0.0.1:8001/rest-auth/registration/account-confirm-email/"
                + "MQ:1xXSaC:1FpmMxe1mYXuF2JcFASYBDJVAhmmuKbvjl_cr0y62Q4/\n"
                + "\n"
                + "Thank you for using example.com!\n"
                + "example.com", mail.body());
    }

    @Test
    void aSectionIsKeptOnlyWhenItsValueIsNotEmpty() {
        assertEquals("a-b!-c", MailTemplates.expand("a-{{#x}}b{{x}}{{/x}}-c", Map.of("x", "!")));
        assertEquals("a--c", MailTemplates.expand("a-{{#x}}b{{x}}{{/x}}-c", Map.of("x", "")));
        assertEquals("a--c", MailTemplates.expand("a-{{#x}}b\nmore\n{{/x}}-c", Map.of()));
    }

    @Test
    void anUnknownNameRendersAsNothingAndValuesAreNotReadAsTemplates() {
        assertEquals("[] [{{y}}] [$1\\]", MailTemplates.expand("[{{ missing }}] [{{x}}] [{{z}}]",
                Map.of("x", "{{y}}", "y", "no", "z", "$1\\")));
    }

    @Test
    void theSubjectBecomesOneLineAndTheBodyIsStripped() throws Exception {
        Files.writeString(dir.resolve("note_subject.txt"), "\n  Two\nlines  \n\n");
        Files.writeString(dir.resolve("note_message.txt"), "\n\n  Hi {{name}}\n\n\n");
        Mail mail = new MailTemplates(dir, "Shop", "shop.test").render("note", Map.of("name", "Ann"), "a@b.test");
        assertEquals("[Shop] Two lines", mail.subject());
        assertEquals("Hi Ann", mail.body());
    }

    @Test
    void aTemplateNobodyHasIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> defaults.render("nope", Map.of(), "a@b.test"));
    }

    @Test
    void aTemplatesDirectoryThatDoesNotExistStopsTheStart() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new MailTemplates(dir.resolve("missing"), "x", "y"));
        assertEquals("setting 'email_templates_dir': " + dir.resolve("missing") + " is not a directory",
                e.getMessage());
    }

    @Test
    void aMailNeverPrintsItsBody() {
        assertEquals("Mail{to=a@b.test, subject=s}", new Mail("a@b.test", "s", "secret link").toString());
    }
}
