package io.quotewire.cleaner;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises page furniture by the shape of one block or line of text: photo credits, calls to
 * action (newsletter, subscribe, share), headings that open teaser lists ("More from ...",
 * "Related"), advertisement labels, bylines and dates. Shared by the HTML and the plain-text
 * paths; no rule names a publication.
 */
final class Furniture {

    private Furniture() {
    }

    private static final String SENTENCE_ENDS = ".!?…:;。！？";
    private static final String CLOSERS = "\"'”’»)]";

    /** "Photo: X", "Image credit: ...", "Illustration by ..." */
    private static final Pattern CREDIT_LABEL = Pattern.compile(
            "^\\(?(photo|photos|photograph|photography|image|images|picture|pic|credit|credits|illustration|graphic|"
                    + "video|file photo|foto|bild|source)( credits?)?\\s*(by\\b|:|/|-|—|–)", Pattern.CASE_INSENSITIVE);
    /** "(AP Photo/Evan Vucci)", "(Getty Images)" */
    private static final Pattern CREDIT_PAREN = Pattern.compile(
            "\\((AP|AFP|Reuters|Getty|EPA|Photo|Image|Credit|Bloomberg)[^()]{0,80}\\)\\s*$", Pattern.CASE_INSENSITIVE);
    /** "Name Surname/Agency", "AGENCY/Name/Pool" */
    private static final Pattern CREDIT_SLASH = Pattern.compile(
            "^[\\p{Lu}][\\p{L}\\p{M}.'’\\- ]{1,40}(/\\s?[\\p{L}\\p{M}.'’\\- ]{2,40}){1,3}"
                    + "(,? ?(via|by way of|for) [\\p{L}\\p{M}.'’\\- ]{2,40})*$");
    /** Picture agencies and desks named at the end of a credit line. */
    private static final Pattern CREDIT_AGENCY = Pattern.compile(
            "(getty images|shutterstock|istock(photo)?|reuters|afp|associated press|\\bap\\b|\\bepa\\b|\\befe\\b|"
                    + "bloomberg|alamy|zuma( press| wire)?|sipa( usa)?|dpa|xinhua|anadolu( agency)?|tass|"
                    + "imago|picture alliance|nurphoto|pool)( images| photos?| connect| via [^,]+)?\\)?\\.?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "\\b(sign up|signup|sign-up|subscribe|become a subscriber|subscribe to (our|the) newsletters?|inbox|"
                    + "e-?mail (address|alerts?|updates)|daily e-?mail|weekly e-?mail|enter your e-?mail|"
                    + "follow us|share (it|this|on)|click here|download (the|our) app|log ?in to|create an? (free )?account|"
                    + "already a subscriber|privacy policy|terms of (use|service)|accept (all )?cookies|cookie (policy|settings)|all rights reserved|"
                    + "get the best of|delivered (directly |straight )?to you|support (our|independent) journalism|"
                    + "join (our|us)|let us know|(get|receive|our|free)( [\\w'’]+){0,3} newsletters?|"
                    + "follow( \\p{Lu}[\\w.'’-]*){1,3} on (twitter|facebook|instagram|x|linkedin|threads|bluesky)|"
                    + "affiliate (links?|commissions?|partnerships?)|referral links?|"
                    + "follow (him|her|them|me) on|[\\w.+-]+@[\\w-]+\\.[\\w.]+)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TEASER_HEADING = Pattern.compile(
            "^(more (from|on|in|about|stories|news|articles|coverage|to read|like this|in [\\p{L} ]+)|"
                    + "related( articles| stories| coverage| content| posts| links| reading| news| videos?)?|"
                    + "read (more|next|also)|also read|see also|you (may|might) (also )?(like|enjoy|be interested)|"
                    + "recommended( for you| stories| articles| reading)?|most (popular|read|viewed|shared)|"
                    + "trending( now| stories)?|popular (now|stories|posts)|latest (news|stories|articles|posts)|"
                    + "top stories|don'?t miss|what to read next|further reading|editor'?s picks|"
                    + "more stories|other (stories|news)|in other news|around the web|from (our|the) partners|"
                    + "sponsored (content|stories|links))\\b[^.!?]{0,60}$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern AD_LABEL = Pattern.compile(
            "^(advertisement|advertising|sponsored( content)?|ad|ads|anzeige|publicidade|publicidad|"
                    + "story continues (below|after)( the)? (advertisement|ad)|continue reading( (below|the main story))?|"
                    + "scroll (down )?to continue( reading)?|skip (advert|ad)|close|share|tweet|print|e-?mail|"
                    + "comments?|show comments|view comments|\\d+ comments?|loading\\.*|watch|listen|play video|"
                    + "- ?youtube|youtube|image|photo|video|\\d+ min(ute)?s? read|listen to (this )?article|"
                    + "(image|photo|picture|media|video) (source|caption), .{1,200})[.:!]?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BYLINE = Pattern.compile(
            "^(by|von|por|par|written by|posted by|published by|reporting by|words by)\\s+\\p{Lu}[^.!?]{1,80}$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DATE_LINE = Pattern.compile(
            "^(published|updated|posted|last updated|first published|modified)?[:\\s]*"
                    + "((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?"
                    + "((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|"
                    + "\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}|"
                    + "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})"
                    + "([\\s,|at-]+\\d{1,2}[:.]\\d{2}(\\s*[ap]\\.?m\\.?)?(\\s*[a-z]{2,4})?)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Ends like a sentence (full stop, question or exclamation mark, possibly inside quotes). */
    static boolean endsLikeSentence(String s) {
        int i = s.length() - 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        while (i >= 0 && CLOSERS.indexOf(s.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && SENTENCE_ENDS.indexOf(s.charAt(i)) >= 0;
    }

    static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = Character.isLetterOrDigit(s.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    /** A photo credit: a short line naming a photographer and/or agency, without sentence structure. */
    static boolean isCredit(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 160) {
            return false;
        }
        if (s.indexOf('|') >= 0) {
            // "Name | Agency | Getty Images", "Name/Reuters | Name/AP": names and at least one credit
            boolean credit = false;
            for (String part : s.split("\\|")) {
                if (part.isBlank()) {
                    continue;
                }
                if (isCredit(part)) {
                    credit = true;
                } else if (words(part) > 4 || !isNameList(part)) {
                    return false;
                }
            }
            return credit;
        }
        if (CREDIT_LABEL.matcher(s).find() && words(s) <= 14) {
            return true;
        }
        if (CREDIT_PAREN.matcher(s).find() && words(s) <= 10 && !endsBeforeParenLikeSentence(s)) {
            return true;
        }
        if (words(s) <= 12 && !s.endsWith(".") && CREDIT_SLASH.matcher(s).matches()) {
            return true;
        }
        return words(s) <= 14 && !endsLikeSentence(s) && isNameList(s)
                && (s.contains("/") || CREDIT_AGENCY.matcher(s).find());
    }

    private static final Set<String> CREDIT_CONNECTORS = Set.of("via", "by", "way", "of", "for", "and", "pool",
            "the", "photo", "photos", "images", "image", "staff", "file", "handout", "courtesy", "de", "van", "von",
            "da", "del", "la", "le", "bin", "al");

    /** Capitalised names joined by "/", ",", "via", "by way of", "for" ... and nothing else. */
    private static boolean isNameList(String s) {
        for (String token : s.split("[\\s/,|()]+")) {
            if (token.isEmpty()) {
                continue;
            }
            char c = token.charAt(0);
            if (!Character.isUpperCase(c) && !CREDIT_CONNECTORS.contains(token.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsBeforeParenLikeSentence(String s) {
        int i = s.lastIndexOf('(');
        return i > 0 && endsLikeSentence(s.substring(0, i));
    }

    /** A call to action of the page: newsletter sign-up, subscribe, share, follow, log in, legal small print. */
    static boolean isCallToAction(String s) {
        return s.length() <= 200 && CALL_TO_ACTION.matcher(s).find();
    }

    /** A heading that opens a teaser list: "More from X", "Related stories", "Read more", "Most popular". */
    static boolean isTeaserHeading(String s) {
        String t = s.strip();
        return t.length() <= 80 && !endsLikeSentence(t.replaceAll("[:.]+$", "x")) && TEASER_HEADING.matcher(t).find()
                && !isTeaserLink(t);
    }

    /** One teaser inside the body: "RELATED: Headline of another story", "Read more: ...". */
    static boolean isTeaserLink(String s) {
        String t = s.strip();
        int colon = t.indexOf(':');
        return t.length() <= 200 && colon > 0 && colon < t.length() - 1 && !t.substring(colon + 1).isBlank()
                && TEASER_HEADING.matcher(t.substring(0, colon + 1)).find();
    }

    private static final Pattern PHOTO_WORDS = Pattern.compile(
            "\\b(photo|photos|photograph|getty|pool|images|via|by way of|credit)\\b", Pattern.CASE_INSENSITIVE);

    /** A credit that belongs to a picture (so the line before it is the picture's caption). */
    static boolean isPhotoCredit(String s) {
        return isCredit(s) && (s.indexOf('/') >= 0 || s.indexOf('|') >= 0 || s.indexOf('(') >= 0
                || PHOTO_WORDS.matcher(s).find() || CREDIT_LABEL.matcher(s.strip()).find());
    }

    /** "Advertisement", "Story continues below advertisement", "Share", "Comments" ... */
    static boolean isAdOrWidgetLabel(String s) {
        return s.length() <= 260 && AD_LABEL.matcher(s.strip()).matches();
    }

    static boolean isByline(String s) {
        return s.length() <= 100 && BYLINE.matcher(s.strip()).matches();
    }

    static boolean isDateLine(String s) {
        return s.length() <= 80 && DATE_LINE.matcher(s.strip()).matches();
    }

    /** A headline or label: short, no sentence punctuation at the end. */
    static boolean isHeadlineLike(String s) {
        String t = s.strip();
        return !t.isEmpty() && t.length() <= 160 && !endsLikeSentence(t);
    }

    /** Furniture whatever its neighbours: credit, widget label, byline, date. */
    static boolean isStandalone(String s) {
        return isCredit(s) || isAdOrWidgetLabel(s) || isByline(s) || isDateLine(s) || isCopyrightCaption(s)
                || isTeaserLink(s) || isCaptionWithCredit(s);
    }

    /** A picture credit at the end of a line, after its caption: "(AP Photo/Evan Vucci)", "Photo: X/Reuters". */
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "(\\((?:[^()]{0,40}\\b(?:photo|photograph|image|getty|credit|file)\\b[^()]{0,60}|[^()\\s]{2,40}/[^()]{2,40})\\)"
                    + "|[.!?\"”]\\s+(?:photo|photograph|image|picture|credit)s?(?: by)?\\s*[:/]?\\s*[^.!?]{2,60})\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** A photo caption that ends with its credit. */
    static boolean isCaptionWithCredit(String s) {
        String t = s.strip();
        return t.length() <= 400 && TRAILING_CREDIT.matcher(t).find();
    }

    /** "© Name Caption text" or "(c) 2019 Agency": a credit or copyright notice. */
    static boolean isCopyrightCaption(String s) {
        String t = s.strip();
        return t.length() <= 300 && (t.startsWith("©") || t.startsWith("(c) ") || t.startsWith("(C) ")
                || t.startsWith("Copyright ") || t.startsWith("copyright "));
    }

    private static final Pattern DATE_TOKEN = Pattern.compile(
            "\\b(\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2},? \\d{4}|"
                    + "\\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{4})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_MARK = Pattern.compile(
            "(^|\\W)(by|por|von|par|posted|published|publicado|veröffentlicht|publié|updated|tags?|categor[a-z]*)(\\W|$)",
            Pattern.CASE_INSENSITIVE);

    /** A line of article metadata: contains a date or a byline/tags marker and is no sentence. */
    static boolean isMetaLine(String s) {
        String t = s.strip();
        return t.length() <= 200 && !endsLikeSentence(t)
                && (DATE_TOKEN.matcher(t).find() || BYLINE_MARK.matcher(t).find());
    }
}
