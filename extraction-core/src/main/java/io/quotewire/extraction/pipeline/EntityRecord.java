package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.EntityType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One person, organization or place of the document, with all its name mentions. */
public final class EntityRecord {
    public final EntityType type;
    public String name;
    public final Set<String> forms = new LinkedHashSet<>();
    public final Set<String> titles = new LinkedHashSet<>();
    public final List<Mention> mentions = new ArrayList<>();
    public char gender = 'u';
    public String nationality;
    /** First names and last names seen (persons), lower case, for linking short forms. */
    public String first;
    public String last;
    /** Generational suffix of a person's name, lower case without its period ("jr", "iii"), or null. */
    public String suffix;
    public String id;

    public EntityRecord(EntityType type, String name) {
        this.type = type;
        this.name = name;
    }

    @Override
    public String toString() {
        return type + ":" + name;
    }
}
