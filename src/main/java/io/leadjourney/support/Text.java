package io.leadjourney.support;

/** Text cut to fit a column or a message. */
public final class Text {

    private Text() {
    }

    /** The first {@code max} characters of {@code text}, or {@code text} itself when it fits (null stays null). */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
