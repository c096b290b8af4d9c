package org.ipaserver.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One published version of a process definition in {@code ipa_Definitions}; the source is the JSON. */
@Entity
@Cacheable // published versions never change
@Table(name = "ipa_Definitions")
@IdClass(DefinitionRecord.Key.class)
public class DefinitionRecord {

    /** The primary key; a class with settable fields, as JPA id classes must be. */
    public static class Key implements Serializable {
        private String name;
        private int version;

        public Key() {
        }

        public Key(String name, int version) {
            this.name = name;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && java.util.Objects.equals(key.name, name);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, version);
        }
    }

    @Id
    @Column(name = "definition_name")
    private String name;
    @Id
    @Column(name = "definition_version")
    private int version;
    private String description;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "published_by")
    private String publishedBy;
    @Lob
    private String source;
    @Column(name = "test_version")
    private boolean testVersion;

    protected DefinitionRecord() {
    }

    DefinitionRecord(String name, int version, String description, Instant publishedAt, String publishedBy,
                     String source, boolean testVersion) {
        this.testVersion = testVersion;
        this.name = name;
        this.version = version;
        this.description = description == null || description.length() <= 1000 ? description
                : description.substring(0, 997) + "...";
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.source = source;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public String description() {
        return description;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public String source() {
        return source;
    }

    /** A test version runs only for designers and is never the latest version others launch. */
    public boolean testVersion() {
        return testVersion;
    }
}
