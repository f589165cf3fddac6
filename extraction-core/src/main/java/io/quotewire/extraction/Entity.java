package io.quotewire.extraction;

import java.util.List;

/**
 * One real-world person, organization or place in one article, with every form it takes there.
 *
 * @param id id unique within the extraction ("e1", "e2", ...)
 * @param name canonical name: the fullest form seen ("Volodymyr Zelensky")
 * @param aliases the other forms seen ("Zelensky", "Zelenskyy")
 * @param titles titles and roles seen with the name ("Ukrainian President")
 * @param mentions every mention, in text order
 */
public record Entity(String id, String name, EntityType type, List<String> aliases, List<String> titles,
                     List<Span> mentions) {
    public Entity {
        aliases = List.copyOf(aliases);
        titles = List.copyOf(titles);
        mentions = List.copyOf(mentions);
    }
}
