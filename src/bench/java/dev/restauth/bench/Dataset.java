package dev.restauth.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * A seeded database ready to serve: the settings file both restauth and the baseline read, and the sample of users
 * the load goes to, with their token keys.
 *
 * @param users    how many users the table holds
 * @param settings the properties file ({@code data_dir}, {@code secret_key}, ...)
 * @param tokens   the sample's {@code key<TAB>pk<TAB>username} file, as {@link BaselineServer} reads it
 * @param sample   users with a token, in random order
 * @param password every seeded user's password
 */
record Dataset(int users, Path settings, Path tokens, List<SampleUser> sample, String password) {
    /** A user of the sample: the key of their token, their primary key and username. */
    record SampleUser(String key, long pk, String username) {
    }

    List<String> keys() {
        return sample.stream().map(SampleUser::key).toList();
    }

    List<String> usernames() {
        return sample.stream().map(SampleUser::username).toList();
    }
}
