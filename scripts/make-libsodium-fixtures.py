#!/usr/bin/env python3
"""
Writes test data made by libsodium itself (the library behind Ente's flutter_sodium / ente_crypto):

- tests/fixtures/vectors/secretstream-libsodium.json: known answers of
  crypto_secretstream_xchacha20poly1305 (several messages, REKEY and FINAL tags, additional data),
  for our framing over @noble/ciphers (src/core/crypto/secretstream.ts).
- tests/fixtures/imports/ente-auth-encrypted.json (+ truncated variant): an Ente Auth encrypted export
  made the way Ente writes it (auth/lib/ui/settings/data/export_widget.dart): key =
  crypto_pwhash(argon2id13, password, salt(16), opsLimit, memLimit), plaintext = each code's otpauth://
  URI + "\n", encrypted with CryptoUtil.encryptChaCha = one secretstream push with TAG_FINAL;
  JSON {version: 1, kdfParams: {memLimit, opsLimit, salt}, encryptedData, encryptionNonce (the
  secretstream header)}, base64 standard (Sodium.bin2base64). Ente's exporter picks memLimit/opsLimit
  with deriveSensitiveKey (256 MiB x 16 passes); its importer reads them from the file
  (encrypted_ente_import.dart), so the sample uses 8 MiB x 2 to keep the unit test fast.

Run: python3 scripts/make-libsodium-fixtures.py   (needs libsodium.so.23; deterministic except salt/header)
"""
import base64, ctypes, json, os, sys

s = ctypes.CDLL('libsodium.so.23')
assert s.sodium_init() >= 0
s.sodium_version_string.restype = ctypes.c_char_p
s.crypto_secretstream_xchacha20poly1305_statebytes.restype = ctypes.c_size_t
ROOT = os.path.join(os.path.dirname(__file__), '..')
STATE_BYTES = s.crypto_secretstream_xchacha20poly1305_statebytes()


def stream(key, header):
    st = ctypes.create_string_buffer(STATE_BYTES)
    # init_pull derives the same state as init_push would for this header: lets us fix the header.
    assert s.crypto_secretstream_xchacha20poly1305_init_pull(st, header, key) == 0
    return st


def push(st, m, tag, ad=b''):
    c = ctypes.create_string_buffer(len(m) + 17)
    clen = ctypes.c_ulonglong()
    s.crypto_secretstream_xchacha20poly1305_push(st, c, ctypes.byref(clen), m, ctypes.c_ulonglong(len(m)),
                                                 ad or None, ctypes.c_ulonglong(len(ad)), ctypes.c_ubyte(tag))
    return c.raw[:clen.value]


def vectors():
    cases = []
    for n, (msgs, ad) in enumerate([
        ([(b'', 3)], b''),
        ([(b'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP\n', 3)], b''),
        ([(bytes(range(47)), 0), (bytes(range(64)), 2), (b'x' * 100, 1), (b'final', 3)], b''),
        ([(b'with additional data', 0), (b'end', 3)], b'ad-bytes'),
    ]):
        key = bytes((7 * i + n) % 256 for i in range(32))
        header = bytes((13 * i + 5 + n) % 256 for i in range(24))
        st = stream(key, header)
        out = [push(st, m, tag, ad).hex() for m, tag in msgs]
        cases.append({'key': key.hex(), 'header': header.hex(), 'ad': ad.hex(),
                      'messages': [{'plain': m.hex(), 'tag': tag, 'cipher': c} for (m, tag), c in zip(msgs, out)]})
    return {'source': 'libsodium ' + s.sodium_version_string().decode() +
            ' crypto_secretstream_xchacha20poly1305 (scripts/make-libsodium-fixtures.py)', 'cases': cases}


def pwhash(password, salt, ops, mem):
    out = ctypes.create_string_buffer(32)
    alg = s.crypto_pwhash_alg_argon2id13()
    assert s.crypto_pwhash(out, ctypes.c_ulonglong(32), password, ctypes.c_ulonglong(len(password)), salt,
                           ctypes.c_ulonglong(ops), ctypes.c_size_t(mem), alg) == 0
    return out.raw


def ente_export(uris, password, ops=2, mem=8 * 1024 * 1024):
    salt = os.urandom(16)
    key = pwhash(password, salt, ops, mem)
    hdr = ctypes.create_string_buffer(24)
    st = ctypes.create_string_buffer(STATE_BYTES)
    s.crypto_secretstream_xchacha20poly1305_init_push(st, hdr, key)
    plain = ''.join(u + '\n' for u in uris).encode()
    c = push(st, plain, 3)
    b64 = lambda b: base64.b64encode(b).decode()
    return {'version': 1, 'kdfParams': {'memLimit': mem, 'opsLimit': ops, 'salt': b64(salt)},
            'encryptedData': b64(c), 'encryptionNonce': b64(hdr.raw)}


if __name__ == '__main__':
    with open(os.path.join(ROOT, 'tests/fixtures/vectors/secretstream-libsodium.json'), 'w') as f:
        json.dump(vectors(), f, indent=2)
        f.write('\n')
    uris = ['otpauth://totp/Ente%20Sample:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Ente%20Sample&algorithm=SHA1&digits=6&period=30',
            'otpauth://totp/GitHub:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub&algorithm=SHA256&digits=8&period=60',
            'otpauth://hotp/Counter:carol?secret=MFRGGZDFMZTWQ2LK&issuer=Counter&counter=7']
    export = ente_export(uris, b'ente-sample-password')
    with open(os.path.join(ROOT, 'tests/fixtures/imports/ente-auth-encrypted.txt'), 'w') as f:
        f.write(json.dumps(export))
    text = json.dumps(export)
    with open(os.path.join(ROOT, 'tests/fixtures/imports/ente-auth-encrypted-truncated.txt'), 'w') as f:
        f.write(text[:len(text) // 2])  # a download cut off half-way
