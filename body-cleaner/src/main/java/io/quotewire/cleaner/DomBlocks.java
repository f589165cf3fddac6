package io.quotewire.cleaner;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Cuts the text of a DOM subtree into {@link Block}s at block-level elements; iterative, so any depth. */
final class DomBlocks {

    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
            "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
            "caption", "html", "noscript", "legend", "output", "video", "audio", "picture", "option", "select");

    private DomBlocks() {
    }

    /** Characters a browser does not show: soft hyphen, zero-width space and joiners, BOM. */
    static boolean isInvisible(char c) {
        return c == '\u00ad' || c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff';
    }

    static boolean isBlock(Element e) {
        return BLOCK_TAGS.contains(e.normalName());
    }

    /** The blocks of {@code root} in document order; empty blocks are left out. */
    static List<Block> of(Element root) {
        List<Block> out = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            final StringBuilder text = new StringBuilder();
            int linkChars;
            int linkDepth;
            int preDepth;
            final ArrayList<Element> owners = new ArrayList<>();

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    int before = text.length();
                    append(t.getWholeText());
                    if (linkDepth > 0) {
                        linkChars += text.length() - before;
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        flush(); // a line of a <br>-separated text is a block of its own
                    } else if (isBlock(e)) {
                        flush();
                        owners.add(e);
                    } else if (tag.equals("a")) {
                        linkDepth++;
                    }
                    if (tag.equals("pre")) {
                        preDepth++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (isBlock(e)) {
                        flush();
                        if (!owners.isEmpty()) {
                            owners.remove(owners.size() - 1);
                        }
                    } else if (tag.equals("a")) {
                        linkDepth--;
                    }
                    if (tag.equals("pre")) {
                        preDepth--;
                    }
                }
                if (node == root) {
                    flush();
                }
            }

            private void append(String s) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (isInvisible(c)) {
                        continue; // soft hyphen, zero-width space ...: not shown, so words stay whole
                    }
                    boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c)
                            || (Character.isISOControl(c) && c != '\n');
                    if (space && (preDepth == 0 || c != '\n')) {
                        if (text.length() > 0 && text.charAt(text.length() - 1) != ' '
                                && text.charAt(text.length() - 1) != '\n') {
                            text.append(' ');
                        }
                    } else {
                        text.append(c);
                    }
                }
            }

            private void flush() {
                String s = text.toString().strip();
                if (!s.isEmpty()) {
                    Element owner = owners.isEmpty() ? root : owners.get(owners.size() - 1);
                    out.add(new Block(s, Math.min(linkChars, s.length()), owner, owner.normalName()));
                }
                text.setLength(0);
                linkChars = 0;
            }
        }, root);
        return out;
    }
}
