"""Prints the Django 3.2.25 test vectors pasted into src/test/java/dev/restauth/auth/crypto/.

Not run by the build: the vectors are pasted into the tests so that CI needs no Python.
Run it again to check or extend them, with a Django 3.2.25 tree and argon2-cffi 21.1 on the path:

    PYTHONPATH=/path/to/dist-packages:/path/to/argon2-cffi/dist-packages python3 crypto_vectors.py
"""
import json
import time
from datetime import datetime, timezone
from unittest import mock

import django
from django.conf import settings

settings.configure(
    SECRET_KEY='restauth-test-vector-secret',
    PASSWORD_HASHERS=[
        'django.contrib.auth.hashers.Argon2PasswordHasher',
        'django.contrib.auth.hashers.PBKDF2PasswordHasher',
    ],
)
assert django.get_version() == '3.2.25', django.get_version()

from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password  # noqa: E402
from django.contrib.auth.tokens import PasswordResetTokenGenerator  # noqa: E402
from django.core import signing  # noqa: E402
from django.utils.http import int_to_base36  # noqa: E402

FIXED_TIME = 1700000000  # 2023-11-14T22:13:20Z

print('== signing (SECRET_KEY=restauth-test-vector-secret, time.time()=%d)' % FIXED_TIME)
with mock.patch('time.time', return_value=FIXED_TIME):
    cases = [
        (1, 'account', False),
        ('hello', 'django.core.signing', False),
        ({'id': 42, 'email': 'z\u00fcrich@example.com', 'ok': True, 'none': None, 'html': '<a href="x">&\'</a>'}, 'restauth', False),
        ([0.1, 1e20, 1e-05, 100.0, 1e16, 123456789012345.6, -0.0, 2 ** 70, -5], 'restauth', False),
        ('tab\there "q" back\\slash \x00\x1f\x7f \u00e9 \U0001f600 \u2028', 'restauth', False),
        (list(range(1, 20)), 'account', True),
    ]
    for obj, salt, compress in cases:
        print(json.dumps([obj, salt, compress]), '->', signing.dumps(obj, salt=salt, compress=compress))
with mock.patch('time.time', return_value=FIXED_TIME + 100):
    s = signing.dumps(1, salt='account')
    for now in (FIXED_TIME + 100 + 60, FIXED_TIME + 100 + 61):
        with mock.patch('time.time', return_value=now):
            try:
                signing.loads(s, salt='account', max_age=60)
                print('loads after', now - FIXED_TIME - 100, 's with max_age=60: ok')
            except signing.SignatureExpired as e:
                print('loads after', now - FIXED_TIME - 100, 's with max_age=60: SignatureExpired', e)

print('== base36')
for i in (0, 1, 35, 36, 1295, 1296, 2 ** 63 - 1):
    print(i, int_to_base36(i))


class User:
    """Duck-typed stand-in for auth.User: all that _make_hash_value reads."""
    def __init__(self, pk, password, last_login, email):
        self.pk, self.password, self.last_login, self.email = pk, password, last_login, email

    def get_email_field_name(self):
        return 'email'


print('== reset tokens (SECRET_KEY=restauth-test-vector-secret, PASSWORD_RESET_TIMEOUT=%d)' % settings.PASSWORD_RESET_TIMEOUT)
NOW = datetime(2024, 5, 6, 7, 8, 9)
users = [
    User(7, 'pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=',
         datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=timezone.utc), 'alice@example.com'),
    User(12, '!unusableXYZ', None, None),
]
for user in users:
    gen = PasswordResetTokenGenerator()
    with mock.patch.object(PasswordResetTokenGenerator, '_now', return_value=NOW):
        token = gen.make_token(user)
        print('user', user.pk, 'hash value', repr(gen._make_hash_value(user, gen._num_seconds(NOW))), 'token', token)
    for delta in (-3600, settings.PASSWORD_RESET_TIMEOUT, settings.PASSWORD_RESET_TIMEOUT + 1):
        later = datetime.fromtimestamp(NOW.replace(tzinfo=timezone.utc).timestamp() + delta, timezone.utc).replace(tzinfo=None)
        with mock.patch.object(PasswordResetTokenGenerator, '_now', return_value=later):
            print('  check at now%+d s:' % delta, gen.check_token(user, token))

print('== password hashes')
print(make_password('l\u00e8tmein', 'seasalt', 'pbkdf2_sha256'))
print(make_password('', 'seasalt', 'pbkdf2_sha256'))
print(make_password('l\u00e8tmein', 'seasaltseasaltseasalt1', 'argon2'))
random_salt = make_password('l\u00e8tmein', hasher='argon2')
print(random_salt, check_password('l\u00e8tmein', random_salt))
print('unusable example', make_password(None))


class SmallArgon2(Argon2PasswordHasher):
    # Cheap parameters, for a fast test that still exercises Django's encoding.
    time_cost = 1
    memory_cost = 1024
    parallelism = 1


print(SmallArgon2().encode('l\u00e8tmein', 'seasaltseasaltseasalt1'))
import argon2  # noqa: E402
print('argon2' + argon2.low_level.hash_secret(
    'l\u00e8tmein'.encode(), b'seasaltseasaltseasalt1', time_cost=1, memory_cost=1024, parallelism=1, hash_len=32,
    type=argon2.low_level.Type.I).decode())
# restauth's own parameters (16-byte salt, 32-byte hash), made by the argon2-cffi that Django calls.
for t, m in ((2, 19456), (1, 1024)):
    print('argon2' + argon2.low_level.hash_secret(
        'l\u00e8tmein'.encode(), b'sixteen byte slt', time_cost=t, memory_cost=m, parallelism=1, hash_len=32,
        type=argon2.low_level.Type.ID).decode())
