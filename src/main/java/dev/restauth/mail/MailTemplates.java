package dev.restauth.mail;

import dev.restauth.config.Settings;
import dev.restauth.config.SettingsException;
import dev.restauth.text.PythonText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mails restauth sends, from templates named as allauth's ({@code account/email/<name>_subject.txt} and
 * {@code <name>_message.txt}): {@code password_reset_key}, {@code email_confirmation} and
 * {@code account_already_exists} (with {@code email}, for {@code prevent_enumeration}). The defaults are bundled
 * and read exactly like allauth's mails; a file of the same name in {@code email_templates_dir} replaces one of
 * them, file by file.
 *
 * <p>The syntax is deliberately tiny: {@code {{name}}} is replaced by a value of the context, and
 * {@code {{#name}}...{{/name}}} keeps its content only when {@code name} has a non-empty value (how the reset mail
 * leaves out "In case you forgot, your username is ..." when users log in by e-mail). A name the context lacks is
 * rendered as nothing, as Django does. Values are inserted as they are (plain text, no escaping), and never read
 * as template syntax themselves.
 *
 * <p>Every context has {@code site_name} and {@code site_domain}. As allauth renders them, the subject becomes one
 * line prefixed with {@code [<site_name>] }, and the body is stripped of surrounding whitespace. Files are read
 * once, on first use. Thread-safe.
 */
public final class MailTemplates {
    private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    /** Python's {@code str.splitlines} boundaries: allauth joins the subject's lines with spaces. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029]");

    private final Path overrides;
    private final String siteName;
    private final String siteDomain;
    private final Map<String, String> files = new ConcurrentHashMap<>();

    /**
     * @param overrides  directory of templates replacing the bundled ones, or null
     * @param siteName   the site's name, for the subject prefix and the greeting
     * @param siteDomain the site's domain, for the mail's last line
     * @throws SettingsException when {@code overrides} is given but is not a directory
     */
    public MailTemplates(Path overrides, String siteName, String siteDomain) {
        if (overrides != null && !Files.isDirectory(overrides)) {
            throw new SettingsException("setting 'email_templates_dir': " + overrides + " is not a directory");
        }
        this.overrides = overrides;
        this.siteName = Objects.requireNonNull(siteName, "siteName");
        this.siteDomain = Objects.requireNonNull(siteDomain, "siteDomain");
    }

    /** The templates the settings name ({@code email_templates_dir}, {@code site_name}, {@code site_domain}). */
    public static MailTemplates fromSettings(Settings settings) {
        return new MailTemplates(settings.get(Settings.EMAIL_TEMPLATES_DIR), settings.get(Settings.SITE_NAME),
                settings.get(Settings.SITE_DOMAIN));
    }

    /**
     * Renders a mail.
     *
     * @param template the template name, e.g. {@code password_reset_key}
     * @param context  the values the template may use; {@code site_name} and {@code site_domain} are added
     * @param to       the recipient
     * @throws IllegalArgumentException when neither the directory nor the bundle has the template
     */
    public Mail render(String template, Map<String, String> context, String to) {
        Map<String, String> values = new HashMap<>();
        values.put("site_name", siteName);
        values.put("site_domain", siteDomain);
        values.putAll(context);
        String subject = String.join(" ", LINE_BREAK.split(expand(file(template + "_subject.txt"), values)));
        String body = expand(file(template + "_message.txt"), values);
        return new Mail(to, "[" + siteName + "] " + PythonText.strip(subject), PythonText.strip(body));
    }

    /** The template text with sections decided and variables replaced. */
    static String expand(String text, Map<String, String> values) {
        Matcher sections = SECTION.matcher(text);
        StringBuilder kept = new StringBuilder();
        while (sections.find()) {
            String value = values.get(sections.group(1));
            boolean shown = value != null && !value.isEmpty();
            sections.appendReplacement(kept, Matcher.quoteReplacement(shown ? sections.group(2) : ""));
        }
        sections.appendTail(kept);
        Matcher variables = VARIABLE.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(variables.group(1), "")));
        }
        variables.appendTail(out);
        return out.toString();
    }

    private String file(String name) {
        return files.computeIfAbsent(name, this::load);
    }

    private String load(String name) {
        try {
            if (overrides != null) {
                Path file = overrides.resolve(name);
                if (Files.isRegularFile(file)) {
                    return Files.readString(file, StandardCharsets.UTF_8);
                }
            }
            try (InputStream in = MailTemplates.class.getResourceAsStream("templates/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no mail template " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + name, e);
        }
    }
}
