package io.quotewire.cleaner;

import org.jsoup.nodes.Element;

/**
 * One run of text between block boundaries of a page (a paragraph, a heading, a list item, a
 * line of {@code <br>}-separated text ...), or one line of plain text.
 *
 * @param text      the text, whitespace collapsed
 * @param linkChars how many of its characters are the text of links
 * @param owner     the nearest block-level element around the text (null for plain text)
 * @param tag       that element's tag name ("p", "h2", "li", "div" ...; "line" for plain text)
 */
record Block(String text, int linkChars, Element owner, String tag) {

    double linkDensity() {
        return text.isEmpty() ? 0 : Math.min(1.0, linkChars / (double) text.length());
    }

    boolean isHeading() {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }
}
