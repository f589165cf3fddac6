package io.quotewire.query.names;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry in memory: the same rules as the database path ({@link NameKey} for the key entity
 * of each record, {@link Matching#target} re-applied to each surname group an article touches),
 * without the rows. Fast enough to run every arrival order of a corpus; the database path is
 * checked against it on a few.
 */
public final class RegistryModel {

    /** One entity of one article's extraction. */
    public record Member(String document, String entity) implements Comparable<Member> {
        @Override
        public int compareTo(Member o) {
            int c = document.compareTo(o.document);
            return c != 0 ? c : entity.compareTo(o.entity);
        }
    }

    private final Map<String, NameKey> keys = new LinkedHashMap<>();
    private final Map<String, String> mergedInto = new TreeMap<>();
    private final Map<Member, String> keyOf = new TreeMap<>();
    private final Map<String, String> stored = new LinkedHashMap<>();

    /** Indexes one article ({@code id}: what its partial names' keys carry): its entities as (id, type, name). */
    public void add(String document, String id, Iterable<String[]> entities) {
        Set<String> surnames = new TreeSet<>();
        for (String[] e : entities) {
            NameKey k = NameKey.of(e[1], e[2]);
            String typed = e[1] + ":" + k.inDocument(id);
            keys.putIfAbsent(typed, k);
            stored.put(typed, k.inDocument(id));
            keyOf.put(new Member(document, e[0]), typed);
            if (k.isPerson()) {
                surnames.add(k.surname());
            }
        }
        for (String s : surnames) {
            reconcile(s);
        }
    }

    private void reconcile(String surname) {
        Map<NameKey, String> fulls = new LinkedHashMap<>();
        keys.forEach((typed, k) -> {
            if (k.kind() == NameKey.Kind.FULL && k.surname().equals(surname)) {
                fulls.put(k, typed);
            }
        });
        keys.forEach((typed, k) -> {
            if (k.kind() == NameKey.Kind.PARTIAL && k.surname().equals(surname)
                    && NameKey.isOfOneDocument(stored.get(typed))) {
                String target = switch (Matching.outcome(k, fulls)) {
                    case PERSON -> Matching.target(k, fulls);
                    case POOL -> "PERSON:" + k.key();
                    case AMBIGUOUS -> null;
                };
                if (target == null) {
                    mergedInto.remove(typed);
                } else {
                    mergedInto.put(typed, target);
                }
            }
        });
    }

    /** The entity (its root key) of every article entity. */
    public Map<Member, String> assignment() {
        Map<Member, String> out = new TreeMap<>();
        keyOf.forEach((m, k) -> out.put(m, mergedInto.getOrDefault(k, k)));
        return out;
    }
}
