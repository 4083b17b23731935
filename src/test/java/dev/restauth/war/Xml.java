package dev.restauth.war;

/** Text for the XML files the tests write as an administrator would: descriptors and context files. */
final class Xml {
    private Xml() {
    }

    /** {@code text} as XML character data or an attribute value in double quotes. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
