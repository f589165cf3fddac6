package io.quotewire.cleaner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops page furniture from a sequence of blocks (HTML blocks or plain-text lines) by the shape
 * of each block and of its neighbours; see {@link Furniture} for the single-block shapes.
 */
final class FurnitureFilter {

    private FurnitureFilter() {
    }

    /** The article body of an HTML page's content blocks; the headline is left out. */
    static List<String> html(List<Block> blocks, String title) {
        boolean[] drop = common(blocks, false);
        String normTitle = norm(title);
        int n = blocks.size();
        int first = firstProse(blocks, drop);
        // the headline: the title, or an <h1> above the first paragraph
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if ((i < first && b.tag().equals("h1")) || (!normTitle.isEmpty() && norm(b.text()).equals(normTitle))) {
                drop[i] = true;
            }
        }
        // before the first paragraph of prose: kickers, bylines, dates, share counts ...
        for (int i = 0; i < first; i++) {
            Block b = blocks.get(i);
            if (!drop[i] && !b.isHeading() && Furniture.isHeadlineLike(b.text())
                    && (Furniture.words(b.text()) <= 6 || Furniture.isMetaLine(b.text()) || b.linkDensity() > 0.3)) {
                drop[i] = true;
            }
        }
        // after the last one: calls to action, tags, labels, link rows
        for (int i = n - 1; i >= 0; i--) {
            if (drop[i]) {
                continue;
            }
            Block b = blocks.get(i);
            boolean promo = Furniture.isCallToAction(b.text()) || (b.text().length() <= 300
                    && Furniture.isCallToAction(b.text().substring(Math.max(0, b.text().length() - 120))));
            boolean label = b.text().length() <= 200 && !Furniture.endsLikeSentence(b.text()) && !b.isHeading()
                    && (Furniture.words(b.text()) <= 4 || b.linkDensity() > 0.3 || Furniture.isMetaLine(b.text()));
            if (!promo && !label) {
                break;
            }
            drop[i] = true;
        }
        return keep(blocks, drop);
    }

    /** The article body of text that lost its markup, one block per line. */
    static boolean[] text(List<Block> lines) {
        boolean[] drop = common(lines, true);
        keepMainRegion(lines, drop);
        return drop;
    }

    /**
     * Keeps the run of lines richest in prose (maximum-sum segment: a paragraph of prose weighs its
     * length, a short sentence a quarter of it, any other line minus half its length, at least 20),
     * so the menus, teaser headlines and
     * footers of a whole copied page fall away. Up to three headline-like lines that open the text
     * right before that run (headline, standfirst, first subhead) stay with it.
     */
    private static void keepMainRegion(List<Block> lines, boolean[] drop) {
        int n = lines.size();
        long best = Long.MIN_VALUE;
        long sum = 0;
        int start = 0;
        int bestStart = 0;
        int bestEnd = n - 1;
        for (int i = 0; i < n; i++) {
            if (drop[i]) {
                continue;
            }
            Block b = lines.get(i);
            int len = b.text().length();
            long w = isBody(b) ? len
                    : Furniture.endsLikeSentence(b.text()) && Furniture.words(b.text()) >= 3 ? len / 4
                    : -Math.max(20, len / 2);
            if (sum <= 0) {
                sum = 0;
                start = i;
            }
            sum += w;
            if (sum > best) {
                best = sum;
                bestStart = start;
                bestEnd = i;
            }
        }
        if (best <= 0) {
            return; // no prose at all: nothing to tell apart
        }
        int opening = bestStart;
        int taken = 0;
        for (int i = bestStart - 1; i >= 0 && taken <= 3; i--) {
            if (drop[i]) {
                continue;
            }
            if (!Furniture.isHeadlineLike(lines.get(i).text())) {
                break;
            }
            taken++;
            opening = i;
        }
        boolean atStart = taken <= 3;
        for (int i = 0; i < opening; i++) {
            atStart &= drop[i];
        }
        int from = atStart ? opening : bestStart;
        for (int i = 0; i < n; i++) {
            if (i < from || i > bestEnd) {
                drop[i] = true;
            }
        }
    }

    /**
     * Rules for both paths. {@code plain}: the input is text without markup, where a caption is
     * the line before its credit and a promo block is the run of short lines around a call to action.
     */
    private static boolean[] common(List<Block> blocks, boolean plain) {
        int n = blocks.size();
        boolean[] drop = new boolean[n];
        boolean[] cta = new boolean[n];
        for (int i = 0; i < n; i++) {
            cta[i] = Furniture.isCallToAction(blocks.get(i).text());
        }
        int[] proseBefore = new int[n + 1];
        for (int i = 0; i < n; i++) {
            proseBefore[i + 1] = proseBefore[i] + (isBody(blocks.get(i)) ? blocks.get(i).text().length() : 0);
        }
        int total = proseBefore[n];
        // body paragraphs (not calls to action) from each block to the end, for the tail rule
        int[] bodyAfter = new int[n + 1];
        int[] paragraphsAfter = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            Block b = blocks.get(i);
            boolean body = isBody(b) && !cta[i];
            bodyAfter[i] = bodyAfter[i + 1] + (body ? b.text().length() : 0);
            paragraphsAfter[i] = paragraphsAfter[i + 1] + (body ? 1 : 0);
        }
        // the body ends at a teaser heading ("More from ...") or at a call to action followed by
        // little more than teasers and an author box
        int cut = n;
        for (int i = 0; i < n && cut == n; i++) {
            String t = blocks.get(i).text();
            if (proseBefore[i] * 10 < total * 3 || proseBefore[i] == 0) {
                continue;
            }
            if (Furniture.isTeaserHeading(t)) {
                cut = i;
            } else if (cta[i] && proseBefore[i] * 2 >= total
                    && paragraphsAfter[i + 1] <= 1 && bodyAfter[i + 1] * 4 <= total) {
                cut = i;
            }
        }
        for (int i = cut; i < n; i++) {
            drop[i] = true;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cut; i++) {
            String t = blocks.get(i).text();
            if (Furniture.isStandalone(t)) {
                drop[i] = true;
                if (plain && Furniture.isPhotoCredit(t) && i > 0 && isCaptionShaped(blocks.get(i - 1))) {
                    String caption = blocks.get(i - 1).text();
                    for (int j = i - 1; j >= 0 && blocks.get(j).text().equals(caption); j--) {
                        drop[j] = true;
                    }
                }
            } else if (cta[i]) {
                drop[i] = true;
                if (plain) {
                    for (int j = i - 1; j >= Math.max(0, i - 3) && isPromoNeighbour(blocks.get(j)); j--) {
                        drop[j] = true;
                    }
                    for (int j = i + 1; j < Math.min(cut, i + 4) && isPromoNeighbour(blocks.get(j))
                            && !cta[j]; j++) {
                        drop[j] = true;
                    }
                }
            }
            if (t.length() >= 25 && !seen.add(t)) {
                drop[i] = true;
            }
        }
        return drop;
    }

    /** Counts as body text for the position rules: a sentence-like paragraph. */
    private static boolean isBody(Block b) {
        return b.text().length() >= 60 && b.linkDensity() < 0.35 && Furniture.endsLikeSentence(b.text());
    }

    private static boolean isCaptionShaped(Block b) {
        return b.text().length() <= 400 && !b.isHeading();
    }

    private static boolean isPromoNeighbour(Block b) {
        return b.text().length() <= 130;
    }

    private static int firstProse(List<Block> blocks, boolean[] drop) {
        for (int i = 0; i < blocks.size(); i++) {
            if (!drop[i] && HtmlBody.isProse(blocks.get(i))) {
                return i;
            }
        }
        return 0;
    }

    private static List<String> keep(List<Block> blocks, boolean[] drop) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (!drop[i]) {
                out.add(blocks.get(i).text());
            }
        }
        return out;
    }

    static String norm(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
