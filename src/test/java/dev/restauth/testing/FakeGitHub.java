package dev.restauth.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A stand-in for GitHub's OAuth endpoints ({@code /login/oauth}) and REST API ({@code /api}) for one OAuth app. Its
 * users, by login:
 * <ul>
 * <li>{@code octocat} (id 101, "Octo Cat"): a verified secondary address and the verified primary
 * {@code octocat@example.com};</li>
 * <li>{@code newbie} (id 102): its only, primary address {@code newbie@example.com} is not verified yet;</li>
 * <li>{@code hermit} (id 103): granted no {@code user:email} scope, so {@code /user/emails} answers 404; its public
 * address is {@code hermit@example.com}.</li>
 * </ul>
 * The code {@code code-<login>} redeems for the token {@code gho_<login>}; other codes get GitHub's
 * {@code bad_verification_code}, in a 200 as GitHub sends it. Tokens {@code gho_...} belong to this app; any other
 * token ({@code ghu_other_<login>}) is valid at the API but issued to another app.
 */
public final class FakeGitHub extends StandIn {
    private final String clientId;
    private final String secret;

    public FakeGitHub(String clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    public String apiUrl() {
        return url() + "/api";
    }

    public String oauthUrl() {
        return url() + "/login/oauth";
    }

    @Override
    protected Answer answer(Recorded request) {
        switch (request.method() + " " + request.path()) {
            case "POST /login/oauth/access_token":
                return accessToken(request.body());
            case "GET /api/user":
                return user(login(request.authorization()));
            case "GET /api/user/emails":
                return emails(login(request.authorization()));
            default:
                if (request.path().equals("/api/applications/" + clientId + "/token")
                        && request.method().equals("POST")) {
                    return checkToken(request);
                }
                return new Answer(404, "{\"message\":\"Not Found\"}");
        }
    }

    private Answer accessToken(String form) {
        String code = parameter(form, "code");
        if (clientId.equals(parameter(form, "client_id")) && secret.equals(parameter(form, "client_secret"))
                && code != null && code.startsWith("code-")) {
            return new Answer(200, "{\"access_token\":\"gho_" + code.substring("code-".length())
                    + "\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}");
        }
        return new Answer(200, "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is "
                + "incorrect or expired.\",\"error_uri\":\"https://docs.github.com/apps/troubleshooting\"}");
    }

    private Answer checkToken(Recorded request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.authorization())) {
            return new Answer(401, "{\"message\":\"Requires authentication\"}");
        }
        if (request.body().contains("\"access_token\":\"gho_")) {
            return new Answer(200, "{\"id\":1,\"token\":\"(the token)\",\"app\":{\"client_id\":\"" + clientId + "\"}}");
        }
        return new Answer(404, "{\"message\":\"Not Found\"}");
    }

    /** The login a bearer token stands for, or null. */
    private static String login(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String token = authorization.substring("Bearer ".length());
        return token.startsWith("gho_") ? token.substring(4)
                : token.startsWith("ghu_other_") ? token.substring("ghu_other_".length()) : null;
    }

    private static Answer user(String login) {
        if (login == null) {
            return new Answer(401, "{\"message\":\"Bad credentials\"}");
        }
        switch (login) {
            case "octocat":
                return new Answer(200, "{\"login\":\"octocat\",\"id\":101,\"name\":\"Octo Cat\",\"email\":null}");
            case "newbie":
                return new Answer(200, "{\"login\":\"newbie\",\"id\":102,\"name\":null,\"email\":null}");
            case "hermit":
                return new Answer(200, "{\"login\":\"hermit\",\"id\":103,\"name\":\"Her Mit\","
                        + "\"email\":\"hermit@example.com\"}");
            default:
                return new Answer(404, "{\"message\":\"Not Found\"}");
        }
    }

    private static Answer emails(String login) {
        if (login == null) {
            return new Answer(401, "{\"message\":\"Bad credentials\"}");
        }
        switch (login) {
            case "octocat":
                return new Answer(200, "[{\"email\":\"octo-old@example.com\",\"primary\":false,\"verified\":true,"
                        + "\"visibility\":null},{\"email\":\"octocat@example.com\",\"primary\":true,"
                        + "\"verified\":true,\"visibility\":\"private\"}]");
            case "newbie":
                return new Answer(200, "[{\"email\":\"newbie@example.com\",\"primary\":true,\"verified\":false,"
                        + "\"visibility\":\"private\"}]");
            default:
                return new Answer(404, "{\"message\":\"Not Found\"}");
        }
    }
}
