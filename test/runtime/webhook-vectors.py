#!/usr/bin/env python3
"""Independent test vectors for the webhook algorithms (python3 standard library only).

Run `python3 test/runtime/webhook-vectors.py` and compare with the literals in
test/runtime/webhooks.test.ts and the signed examples in specs/. Nothing here shares code
with the TypeScript runtime: JSON is parsed by Python's json module, PHP's re-encoding is
re-implemented from PHP's C sources (ext/json/json_encoder.c, main/snprintf.c php_gcvt),
digests come from hashlib/hmac, and JWTs are assembled by hand.
"""
import base64
import hashlib
import hmac
import json
import math
from decimal import Decimal


# --- PHP: json_encode(json_decode($text, true), JSON_UNESCAPED_UNICODE) -------------------

class Raw:
    """A number as written, so ints and floats follow PHP's rules, not Python's."""

    def __init__(self, text):
        self.text = text


def php_decode(text):
    return json.loads(text, object_pairs_hook=lambda pairs: ("object", pairs),
                      parse_int=Raw, parse_float=Raw, parse_constant=Raw)


def php_gcvt(value):
    """php_gcvt(value, 17, '.', 'e') in mode 0: the shortest round-trip digits (Python's repr)."""
    if value == 0:
        return "-0" if math.copysign(1, value) < 0 else "0"
    sign = "-" if value < 0 else ""
    _, digit_tuple, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    decpt = len(digits) + exponent  # value = 0.<digits> * 10**decpt
    if decpt < -3 or decpt > 17:
        e = decpt - 1
        return "%s%s.%se%s%d" % (sign, digits[0], digits[1:] or "0", "-" if e < 0 else "+", abs(e))
    if decpt <= 0:
        return "%s0.%s%s" % (sign, "0" * -decpt, digits)
    return sign + digits[:decpt].ljust(decpt, "0") + ("." + digits[decpt:] if digits[decpt:] else "")


def php_number(raw):
    text = raw.text
    if all(c in "-0123456789" for c in text):
        value = int(text)
        if -2 ** 63 <= value <= 2 ** 63 - 1:
            return str(value)
    return php_gcvt(float(text))


def php_string(value):
    out = ['"']
    for ch in value:
        table = {'"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n",
                 "\r": "\\r", "\t": "\\t", "\u2028": "\\u2028", "\u2029": "\\u2029"}
        if ch in table:
            out.append(table[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def php_encode(node):
    if isinstance(node, tuple) and node[0] == "object":
        pairs = node[1]
        if all(key == str(i) for i, (key, _) in enumerate(pairs)):
            return "[" + ",".join(php_encode(v) for _, v in pairs) + "]"
        return "{" + ",".join(php_string(k) + ":" + php_encode(v) for k, v in pairs) + "}"
    if isinstance(node, list):
        return "[" + ",".join(php_encode(v) for v in node) + "]"
    if isinstance(node, Raw):
        return php_number(node)
    if isinstance(node, str):
        return php_string(node)
    return {True: "true", False: "false", None: "null"}[node]


def php_reencode(text):
    return php_encode(php_decode(text))


def md5_sign(body_without_sign_text, key):
    signed = php_reencode(body_without_sign_text)
    return hashlib.md5(base64.b64encode(signed.encode()) + key.encode()).hexdigest()


# --- key-sorted JSON + HMAC-SHA256 ---------------------------------------------------------

def hmac_hex(text, key):
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()


def sorted_forms(body):
    data = json.loads(body)
    return {
        "compact-raw": json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        "spaced-ascii": json.dumps(data, sort_keys=True),
        "compact-ascii": json.dumps(data, sort_keys=True, separators=(",", ":")),
        "spaced-raw": json.dumps(data, sort_keys=True, ensure_ascii=False),
    }


# --- JWT HS256 ------------------------------------------------------------------------------

def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt_hs256(claims, key, header=None):
    head = b64url(json.dumps(header or {"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(key.encode(), (head + "." + body).encode(), hashlib.sha256).digest()
    return head + "." + body + "." + b64url(signature)


def main():
    print("# php re-encoding")
    for text in [
        '{"url":"https://x.test/a/b","name":"Привет","tab":"a\\tb"}',
        '{"q":"\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\\u2028\\u2029 \\ud83d\\ude00 \\/"}',
        '[1.0,1.50,1e25,0.00001,0.0001,-0,-0.0,12345678901234567890,9223372036854775807,'
        '9223372036854775808,1E2,0.1,100000000000000000.0,1e16,1.5e-7,123.456,-2.5e-5]',
        '{"0":"a","1":"b"}',
        '{"1":"a","0":"b"}',
        '{"a":{},"b":[],"c":{"0":{"x":null}}}',
        '{"b":1,"a":2,"10":3,"":true}',
    ]:
        print(json.dumps(text, ensure_ascii=False), "->", json.dumps(php_reencode(text), ensure_ascii=False))

    print("# md5-base64-php-json")
    for body, key in [
        ('{"type":"payment","url":"https://shop.test/a/b","name":"Привет"}', "payment-key"),
        ('{"type":"payout","amount":"3.00","nested":{"a":[1,2,{"b":"c/d"}]}}', "payout-key"),
        ('{"type":"payment","amount":1.0}', "k"),
    ]:
        print(json.dumps(body, ensure_ascii=False), key, md5_sign(body, key))

    print("# hmac-sha256-hex-sorted-json")
    for body, key in [
        ('{"b":"x/y","a":"Привет","c":{"z":1,"y":[true,null]}}', "additional-key"),
        ('{"amount":"100.00","status":"success"}', "k"),
    ]:
        for form, text in sorted_forms(body).items():
            print(json.dumps(body, ensure_ascii=False), key, form, hmac_hex(text, key))

    print("# jwt-hs256")
    print("valid until 2100", jwt_hs256({"id": "INV-XY12AB34", "exp": 4102444800}, "secret-key"))
    print("expired 2023", jwt_hs256({"id": "INV-XY12AB34", "exp": 1700000300}, "secret-key"))
    print("no exp", jwt_hs256({"id": "INV-XY12AB34"}, "secret-key"))
    print("HS512 header", jwt_hs256({"id": "INV-XY12AB34", "exp": 4102444800}, "secret-key", {"alg": "HS512", "typ": "JWT"}))

    print("# spec examples, signed with the mock's default secrets (test-<option>)")
    spec_examples()


def to_php_tree(value):
    """A value loaded from YAML, as php_decode would have produced it from JSON."""
    if isinstance(value, dict):
        return ("object", [(k, to_php_tree(v)) for k, v in value.items()])
    if isinstance(value, list):
        return [to_php_tree(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return Raw(repr(value))


def spec_examples():
    try:
        import yaml  # PyYAML; only this section needs it
    except ImportError:
        print("(PyYAML not installed; skipped)")
        return
    for spec in ["cryptomus", "cryptocloud", "morune"]:
        with open("specs/%s.yaml" % spec, encoding="utf-8") as f:
            document = yaml.safe_load(f)
        for name, item in (document.get("webhooks") or {}).items():
            operation = item["post"]
            declaration = operation["x-webhook-signature"]
            secret = "test-" + declaration["secret"]
            for media_type, media in operation["requestBody"]["content"].items():
                for example_name, example in media.get("examples", {}).items():
                    body = dict(example["value"])
                    where = "%s %s %s %s" % (spec, name, media_type, example_name)
                    if declaration["algorithm"] == "md5-base64-php-json":
                        body.pop(declaration["name"], None)
                        signed = php_encode(to_php_tree(body))
                        print(where, "sign:", hashlib.md5(base64.b64encode(signed.encode()) + secret.encode()).hexdigest())
                    elif declaration["algorithm"] == "hmac-sha256-hex-sorted-json":
                        print(where, "header:", hmac_hex(json.dumps(body, sort_keys=True), secret))
                    elif declaration["algorithm"] == "jwt-hs256":
                        claims = {claim: "INV-" + body[b["field"]] for claim, b in declaration["claims"].items()}
                        claims["exp"] = 1700000300
                        print(where, "token (expired 2023-11-14):", jwt_hs256(claims, secret))


if __name__ == "__main__":
    main()
