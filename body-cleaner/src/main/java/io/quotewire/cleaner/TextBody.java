package io.quotewire.cleaner;

import java.util.ArrayList;
import java.util.List;

/**
 * The article body of text that lost its markup: every line is a block for {@link FurnitureFilter};
 * kept lines come back verbatim, with a blank line where the input had one.
 */
final class TextBody {

    private TextBody() {
    }

    static String clean(String text) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Block> lines = new ArrayList<>();
        List<Boolean> blankBefore = new ArrayList<>();
        boolean blank = false;
        for (String line : raw) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank = true;
                continue;
            }
            lines.add(new Block(t, 0, null, "line"));
            blankBefore.add(blank);
            blank = false;
        }
        boolean[] drop = FurnitureFilter.text(lines);
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < lines.size(); i++) {
            gap |= blankBefore.get(i);
            if (drop[i]) {
                continue;
            }
            if (out.length() > 0) {
                out.append(gap ? "\n\n" : "\n");
            }
            out.append(lines.get(i).text());
            gap = false;
        }
        return out.toString();
    }
}
