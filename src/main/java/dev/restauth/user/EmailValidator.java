package dev.restauth.user;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * Django 3.2's {@code EmailValidator}, rule for rule: a dot-atom or quoted local part, and a domain of labels, an
 * internationalised domain (checked in its punycode form), {@code localhost}, or an IP literal. Addresses over
 * 320 characters are refused outright, as Django does since its ReDoS fix.
 */
public final class EmailValidator {
    private static final int MAX_LENGTH = 320;
    private static final Pattern USER = Pattern.compile(
            "[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
                    + "|\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN = Pattern.compile(
            "((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\\.)+)(?:[A-Z0-9-]{2,63}(?<!-))", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("\\[([A-F0-9:.]+)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private EmailValidator() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.indexOf('@') < 0 || value.length() > MAX_LENGTH) {
            return false;
        }
        int at = value.lastIndexOf('@');
        String user = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (!USER.matcher(user).matches()) {
            return false;
        }
        if (domain.equals("localhost") || validDomain(domain)) {
            return true;
        }
        try {
            return validDomain(IDN.toASCII(domain));
        } catch (IllegalArgumentException notIdn) {
            return false;
        }
    }

    private static boolean validDomain(String domain) {
        if (DOMAIN.matcher(domain).matches()) {
            return true;
        }
        var literal = LITERAL.matcher(domain);
        return literal.matches() && validIp(literal.group(1));
    }

    private static boolean validIp(String address) {
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        if (address.indexOf(':') < 0) {
            return false;
        }
        try {
            // A literal with a colon is parsed as IPv6 without any name lookup.
            java.net.InetAddress.getByName("[" + address + "]");
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
