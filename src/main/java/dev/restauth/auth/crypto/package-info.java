/**
 * Cryptographic building blocks, wire-compatible with Django 3.2: password hashes in Django's encoded form
 * ({@link dev.restauth.auth.crypto.PasswordHasher}: argon2id for new hashes, and every form a Django site's user table
 * may hold read by {@link dev.restauth.auth.crypto.DelegatingPasswordHasher#djangoCompatible}), a bounded pool to run
 * them on ({@link dev.restauth.auth.crypto.HashingPool}), {@code django.core.signing}
 * ({@link dev.restauth.auth.crypto.Signer}), password-reset tokens ({@link dev.restauth.auth.crypto.ResetTokenGenerator}) and the small codecs they use.
 *
 * <p>Nothing here logs, and no exception message carries a password, a secret key or a hash.
 */
package dev.restauth.auth.crypto;
