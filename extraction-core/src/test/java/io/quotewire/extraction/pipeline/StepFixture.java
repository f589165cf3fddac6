package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.lexicon.Lexicon;

import java.util.List;

/** Documents prepared by the real pipeline's steps up to a given step, for the tests of one step. */
public final class StepFixture {
    public static final Lexicon LEXICON = new Lexicon();
    public static final Pipeline PIPELINE = new Pipeline(LEXICON);

    private StepFixture() {
    }

    /** The pipeline's instance of this step class. */
    public static Step step(Class<? extends Step> type) {
        return PIPELINE.steps().get(indexOf(type));
    }

    /** The text run through every step before the (first) step of this class. */
    public static Document before(Class<? extends Step> type, String text) {
        Document doc = new Document(text, null);
        List<Step> steps = PIPELINE.steps();
        for (int i = 0; i < indexOf(type); i++) {
            steps.get(i).process(doc);
        }
        return doc;
    }

    /** Runs the step of this class on the document. */
    public static Document run(Class<? extends Step> type, Document doc) {
        step(type).process(doc);
        return doc;
    }

    private static int indexOf(Class<? extends Step> type) {
        List<Step> steps = PIPELINE.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (type.isInstance(steps.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " in the pipeline");
    }

    /** The document's tokens' texts from a to b, joined by spaces. */
    public static String tokens(Document doc, int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int i = a; i < b; i++) {
            sb.append(i > a ? " " : "").append(doc.tokens.get(i).text);
        }
        return sb.toString();
    }
}
