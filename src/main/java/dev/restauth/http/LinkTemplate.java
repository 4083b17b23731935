package dev.restauth.http;

import dev.restauth.error.ApiException;

import java.util.Map;
import java.util.Objects;

/**
 * A link in a mail, from a setting such as {@code password_reset_url}: {@code {name}} placeholders, and either an
 * absolute URL (links into a front-end app, e.g. {@code https://app.example.com/reset?uid={uid}&token={token}}) or
 * a path, completed with the scheme and Host of the request that causes the mail, as Django's
 * {@code build_absolute_uri} does. Only a Host in {@code allowed_hosts} is used that way. {@code {api}} stands for
 * restauth's own mount point (context path and servlet mapping), e.g. {@code /rest-auth}. Values are inserted as
 * they are: restauth's uids, tokens and keys are URL-safe. Immutable and thread-safe.
 */
public final class LinkTemplate {
    private final String template;
    private final AllowedHosts hosts;

    public LinkTemplate(String template, AllowedHosts hosts) {
        this.template = Objects.requireNonNull(template, "template");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
    }

    /** True for an http(s) URL, which needs no Host from the request. */
    public boolean absolute() {
        return template.startsWith("http://") || template.startsWith("https://");
    }

    /**
     * The template completed for one request. Call it before anything else is decided, so that a bad Host gets
     * the same answer whatever the rest of the request holds.
     *
     * @throws ApiException 400 {@code {"detail":"Invalid Host header."}} when the template is a path and the
     *                      request's Host is not allowed
     */
    public Bound bind(ApiRequest request) {
        String filled = template.replace("{api}", request.apiPath());
        return new Bound(absolute() ? filled : hosts.origin(request) + filled);
    }

    /** A template with its origin: ready to expand. */
    public static final class Bound {
        private final String template;

        private Bound(String template) {
            this.template = template;
        }

        /** The link with every {@code {name}} replaced by its value. */
        public String expand(Map<String, String> values) {
            String link = template;
            for (Map.Entry<String, String> value : values.entrySet()) {
                link = link.replace("{" + value.getKey() + "}", value.getValue());
            }
            return link;
        }
    }
}
