package dev.restauth.testing;

/**
 * A stand-in for Facebook's Graph API, as the transcript's reference peer was tested against: tokens of the form
 * {@code good-<numeric id>-<local part>} belong to the person {@code <id>} with the address
 * {@code <local part>@fb.example.com}, first name "Fb" and last name {@code <local part>}.
 * <ul>
 * <li>{@code /<version>/debug_token} (asked with the app token {@code <app id>|<secret>}) says a good token is valid
 * for this app, a {@code foreign-<id>-<local>} token valid for another app, {@code revoked-...} valid (it dies before
 * {@code /me}), and anything else invalid;</li>
 * <li>{@code /<version>/me} answers the profile of good and foreign tokens, and 400 with an OAuthException for
 * anything else;</li>
 * <li>{@code /<version>/oauth/access_token} redeems {@code code-<id>-<local>} for {@code good-<id>-<local>}.</li>
 * </ul>
 */
public final class FakeGraph extends StandIn {
    private static final String OAUTH_ERROR = "{\"error\":{\"message\":\"Invalid OAuth access token.\","
            + "\"type\":\"OAuthException\",\"code\":190}}";

    private final String version;
    private final String appId;
    private final String secret;

    public FakeGraph(String version, String appId, String secret) {
        this.version = version;
        this.appId = appId;
        this.secret = secret;
    }

    /** The {@code graph_url} setting for this stand-in. */
    public String graphUrl() {
        return url();
    }

    @Override
    protected Answer answer(Recorded request) {
        String query = request.rawQuery();
        if (request.path().equals("/" + version + "/debug_token")) {
            if (!(appId + "|" + secret).equals(parameter(query, "access_token"))) {
                return new Answer(400, OAUTH_ERROR);
            }
            return debug(parameter(query, "input_token"));
        }
        if (request.path().equals("/" + version + "/me")) {
            String token = parameter(query, "access_token");
            String[] parts = token == null ? new String[0] : token.split("-", 3);
            if (parts.length == 3 && (parts[0].equals("good") || parts[0].equals("foreign"))) {
                return new Answer(200, "{\"id\":\"" + parts[1] + "\",\"email\":\"" + parts[2]
                        + "@fb.example.com\",\"name\":\"Fb " + parts[2] + "\",\"first_name\":\"Fb\",\"last_name\":\""
                        + parts[2] + "\"}");
            }
            return new Answer(400, OAUTH_ERROR);
        }
        if (request.path().equals("/" + version + "/oauth/access_token") && request.method().equals("POST")) {
            String code = parameter(request.body(), "code");
            if (code != null && code.startsWith("code-") && appId.equals(parameter(request.body(), "client_id"))
                    && secret.equals(parameter(request.body(), "client_secret"))) {
                return new Answer(200, "{\"access_token\":\"good-" + code.substring("code-".length())
                        + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}");
            }
            return new Answer(400, "{\"error\":{\"message\":\"Invalid verification code format.\","
                    + "\"type\":\"OAuthException\",\"code\":100}}");
        }
        return new Answer(404, "{\"error\":{\"message\":\"Unknown path\"}}");
    }

    private Answer debug(String token) {
        String prefix = token == null || !token.contains("-") ? "" : token.substring(0, token.indexOf('-'));
        switch (prefix) {
            case "good":
            case "revoked":
                return new Answer(200, "{\"data\":{\"app_id\":\"" + appId + "\",\"type\":\"USER\",\"is_valid\":true}}");
            case "foreign":
                return new Answer(200, "{\"data\":{\"app_id\":\"999000999\",\"type\":\"USER\",\"is_valid\":true}}");
            default:
                return new Answer(200, "{\"data\":{\"error\":{\"code\":190,\"message\":\"Invalid OAuth access "
                        + "token.\"},\"is_valid\":false,\"scopes\":[]}}");
        }
    }
}
