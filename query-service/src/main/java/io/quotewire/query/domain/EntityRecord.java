package io.quotewire.query.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A real person, organisation or place across documents. Rows are created by
 * {@code EntityResolver} with {@code INSERT ... ON CONFLICT}; the counters are maintained by
 * {@code IndexService}.
 */
@Entity
@Table(name = "entities")
public class EntityRecord extends PanacheEntityBase {

    @Id
    public Long id;

    /** PERSON, ORGANIZATION or LOCATION. */
    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String name;

    @Column(name = "norm_name", nullable = false)
    public String normName;

    @Column(name = "article_count", nullable = false)
    public long articleCount;

    @Column(name = "mention_count", nullable = false)
    public long mentionCount;

    @Column(name = "quote_count", nullable = false)
    public long quoteCount;

    /** Set when a correction merged this entity into another one. */
    @Column(name = "merged_into")
    public Long mergedInto;
}
