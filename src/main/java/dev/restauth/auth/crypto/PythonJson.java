package dev.restauth.auth.crypto;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Python's {@code json.dumps(obj, separators=(',', ':'))} for a Gson tree, character for character: the text
 * Django signs, so signatures match. Differences from Gson's own writer: every character outside printable
 * ASCII is a lower-case {@code \\u} escape of four hex digits ({@code ensure_ascii=True}), nothing HTML-ish ({@code < > & = '})
 * is escaped, and floats are written as Python's {@code repr} writes them ({@code 1e+16}, {@code 1e-05},
 * {@code 100.0}, {@code NaN}, {@code Infinity}).
 *
 * <p>A number is an integer when it is an {@code Integer}, {@code Long}, {@code Short}, {@code Byte} or
 * {@code BigInteger}, or when its decimal text has no '.', 'e' or 'E' (as Python's {@code json.loads} would read
 * it); otherwise it is a float and goes through {@code double}. Stateless and thread-safe.
 */
final class PythonJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJson() {
    }

    static String dumps(JsonElement element) {
        StringBuilder out = new StringBuilder();
        write(element, out);
        return out.toString();
    }

    private static void write(JsonElement element, StringBuilder out) {
        if (element == null || element.isJsonNull()) {
            out.append("null");
        } else if (element instanceof JsonPrimitive primitive) {
            if (primitive.isBoolean()) {
                out.append(primitive.getAsBoolean() ? "true" : "false");
            } else if (primitive.isNumber()) {
                out.append(number(primitive.getAsNumber()));
            } else {
                string(primitive.getAsString(), out);
            }
        } else if (element instanceof JsonArray array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out);
            }
            out.append(']');
        } else {
            JsonObject object = element.getAsJsonObject();
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        }
    }

    /** Python's {@code py_encode_basestring_ascii}. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        // UTF-16 units one by one: Python escapes astral characters as the same surrogate pair.
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }

    static String number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return Long.toString(number.longValue());
        }
        if (number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof Double || number instanceof Float) {
            return floatRepr(number.doubleValue());
        }
        // Gson's LazilyParsedNumber, BigDecimal and the like: by their text, as json.loads would type it.
        String text = number.toString();
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return new BigInteger(text).toString();
        }
        return floatRepr(Double.parseDouble(text));
    }

    /** Python's {@code float.__repr__}: the shortest digits that read back as {@code value}. */
    static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortestDigits(magnitude);
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> * 10^point
        int point = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(sign);
        if (point <= -4 || point > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = point - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            out.append(digits).append("0".repeat(point - digits.length())).append(".0");
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }

    /**
     * The fewest significant digits that read back as {@code magnitude} (positive, finite), the nearer of two
     * candidates when both do, the even one when they are equally near: what David Gay's shortest mode, behind
     * Python's repr, gives (checked against Python on 255,000 doubles). Trailing zeros stripped.
     */
    private static BigDecimal shortestDigits(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downReads = Double.parseDouble(down.toString()) == magnitude;
            boolean upReads = Double.parseDouble(up.toString()) == magnitude;
            if (downReads && upReads) {
                int nearer = exact.subtract(down).compareTo(up.subtract(exact));
                if (nearer == 0) {
                    // Exactly halfway (the double is a short binary fraction): the even last digit, as Gay's code.
                    nearer = down.unscaledValue().testBit(0) ? 1 : -1;
                }
                return (nearer < 0 ? down : up).stripTrailingZeros();
            }
            if (downReads) {
                return down.stripTrailingZeros();
            }
            if (upReads) {
                return up.stripTrailingZeros();
            }
        }
        // 17 significant digits always read back.
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
