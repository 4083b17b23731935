"""Prints the Django password-hash vectors pasted into src/test/java/dev/restauth/auth/crypto/DjangoHashersTest.java.

Not run by the build: the vectors are pasted into the test so that CI needs no Python.
Run it again to check or extend them, with Django 3.2.25, bcrypt and argon2-cffi 21.1 on the path
(Debian 12: apt-get install python3-django python3-bcrypt python3-argon2):

    /usr/bin/python3 hasher_vectors.py

Django 3.2 has no scrypt hasher (Django 4.0 added it); its vectors are made by the function Django 4.0+ runs,
ScryptPasswordHasher.encode, written out below: hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r,
p=p, maxmem=0, dklen=64), encoded as 'scrypt$%d$%s$%d$%d$%s' % (n, salt, r, p, base64).
"""
import base64
import hashlib

import django
from django.conf import settings

settings.configure(
    PASSWORD_HASHERS=[
        'django.contrib.auth.hashers.Argon2PasswordHasher',
        'django.contrib.auth.hashers.PBKDF2PasswordHasher',
        'django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher',
        'django.contrib.auth.hashers.BCryptSHA256PasswordHasher',
        'django.contrib.auth.hashers.BCryptPasswordHasher',
        'django.contrib.auth.hashers.SHA1PasswordHasher',
        'django.contrib.auth.hashers.MD5PasswordHasher',
        'django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher',
        'django.contrib.auth.hashers.UnsaltedMD5PasswordHasher',
    ],
)
assert django.get_version() == '3.2.25', django.get_version()

import argon2  # noqa: E402
from django.contrib.auth.hashers import check_password, make_password  # noqa: E402

PASSWORD = 'l\u00e8tmein'
# 80 bytes: plain bcrypt reads only the first 72, bcrypt_sha256 all of them.
LONG = 'x' * 72 + 'tail-end'
SALT = 'seasaltseasaltseasalt1'
# bcrypt salts: the cost and 22 characters of bcrypt's base64 (the last carries only 2 bits).
BCRYPT_SALT = b'$2b$12$abcdefghijklmnopqrstuu'


def show(label, encoded, password=PASSWORD):
    assert check_password(password, encoded), label
    assert not check_password('letmein', encoded), label
    print('%-34s %s' % (label, encoded))


print('== Django 3.2.25 make_password(%r, salt, hasher)' % PASSWORD)
show('pbkdf2_sha1', make_password(PASSWORD, SALT, 'pbkdf2_sha1'))
show('pbkdf2_sha1 empty password', make_password('', SALT, 'pbkdf2_sha1'), '')
show('sha1', make_password(PASSWORD, SALT, 'sha1'))
show('md5', make_password(PASSWORD, SALT, 'md5'))
show('bcrypt_sha256', make_password(PASSWORD, BCRYPT_SALT, 'bcrypt_sha256'))
show('bcrypt', make_password(PASSWORD, BCRYPT_SALT, 'bcrypt'))
show('bcrypt cost 4', make_password(PASSWORD, b'$2b$04$abcdefghijklmnopqrstuu', 'bcrypt'))
show('bcrypt_sha256 cost 4 $2a$', make_password(PASSWORD, b'$2a$04$abcdefghijklmnopqrstuu', 'bcrypt_sha256'))
show('bcrypt cost 4 $2y$', make_password(PASSWORD, b'$2y$04$abcdefghijklmnopqrstuu', 'bcrypt'))
long_bcrypt = make_password(LONG, b'$2b$04$abcdefghijklmnopqrstuu', 'bcrypt')
assert check_password('x' * 72 + 'other', long_bcrypt)
show('bcrypt cost 4, 80-byte password', long_bcrypt, LONG)
long_sha256 = make_password(LONG, b'$2b$04$abcdefghijklmnopqrstuu', 'bcrypt_sha256')
assert not check_password('x' * 72 + 'other', long_sha256)
show('bcrypt_sha256 cost 4, 80-byte password', long_sha256, LONG)

print('== ancient forms: only UnsaltedSHA1/UnsaltedMD5PasswordHasher read them, and those are not in Django\'s '
      'default PASSWORD_HASHERS')
show('unsalted_sha1', make_password(PASSWORD, '', 'unsalted_sha1'))
show('unsalted_md5', make_password(PASSWORD, '', 'unsalted_md5'))
show('md5 with empty salt', 'md5$$' + make_password(PASSWORD, '', 'unsalted_md5'))

print('== argon2i, as Django 1.10 to 2.x wrote it (argon2-cffi, Type.I, m=512, t=2, p=2, 16-byte hash)')
show('argon2i', 'argon2' + argon2.low_level.hash_secret(
    PASSWORD.encode(), SALT.encode(), time_cost=2, memory_cost=512, parallelism=2, hash_len=16,
    type=argon2.low_level.Type.I).decode('ascii'))

print('== scrypt, Django 4.0+ ScryptPasswordHasher.encode')


def scrypt(password, salt, n, r, p):
    hash_ = hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=0, dklen=64)
    return '%s$%d$%s$%d$%d$%s' % ('scrypt', n, salt, r, p, base64.b64encode(hash_).decode('ascii').strip())


print('%-34s %s' % ('scrypt (Django 4.0-5.0 defaults)', scrypt(PASSWORD, SALT, 2 ** 14, 8, 1)))
print('%-34s %s' % ('scrypt (Django 5.1+ defaults)', scrypt(PASSWORD, SALT, 2 ** 14, 8, 5)))
print('%-34s %s' % ('scrypt n=1024 r=8 p=1', scrypt(PASSWORD, SALT, 1024, 8, 1)))
print('%-34s %s' % ('scrypt n=1024 r=8 p=1, empty', scrypt('', SALT, 1024, 8, 1)))
