package dev.restauth.bench;

import dev.restauth.config.SecretKey;
import dev.restauth.config.Settings;
import dev.restauth.jwt.Claims;
import dev.restauth.jwt.Jti;
import dev.restauth.jwt.JwtCodec;
import dev.restauth.jwt.KeySet;
import dev.restauth.jwt.TokenType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a seeded database served in JWT mode: the same users, a settings file with {@code use_jwt} (the refresh
 * token in the body, rotation with blacklisting, access tokens living a day so none expires during the bench), and
 * an access token for each user of the sample, signed with the server's own key by restauth's own code, as a login
 * would sign it. {@code GET /user/} with them is the token figure's JWT twin: a signature check and the user's row.
 */
final class JwtDataset {
    private JwtDataset() {
    }

    /** {@code dataset} (a copy of its own) in JWT mode, its sample's keys replaced by access tokens. */
    static Dataset of(Dataset dataset) {
        try {
            Path settingsFile = dataset.settings().resolveSibling("jwt.properties");
            Files.writeString(settingsFile, Files.readString(dataset.settings()) + String.join("\n",
                    "# JWT mode, for the bench's JWT figures",
                    "use_jwt=true",
                    "authentication_classes=jwt",
                    "jwt_auth_httponly=false",
                    "jwt_rotate_refresh_tokens=true",
                    "jwt_blacklist_after_rotation=true",
                    "jwt_access_token_lifetime=86400",
                    ""), StandardCharsets.UTF_8);
            Settings settings = Seeder.settings(settingsFile);
            JwtCodec codec = new JwtCodec(KeySet.load(settings, SecretKey.resolve(settings).bytes()),
                    Clock.systemUTC(), settings);
            Instant now = Instant.now();
            List<Dataset.SampleUser> sample = new ArrayList<>();
            for (Dataset.SampleUser user : dataset.sample()) {
                String access = codec.sign(new Claims(TokenType.ACCESS.claim(), now.getEpochSecond() + 86_400,
                        now.getEpochSecond(), Jti.create(now), user.pk()));
                sample.add(new Dataset.SampleUser(access, user.pk(), user.username()));
            }
            return new Dataset(dataset.users(), settingsFile, dataset.tokens(), List.copyOf(sample),
                    dataset.password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
