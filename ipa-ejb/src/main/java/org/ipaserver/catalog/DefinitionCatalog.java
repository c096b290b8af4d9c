package org.ipaserver.catalog;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.Problem;
import org.ipaserver.expression.Expressions;

/**
 * The published definitions: validation, publication as a new version, and compiled versions
 * ready to run. A published version never changes, so its compiled form is cached for good. Which
 * version is a process's latest is read again after {@link #LATEST_TRUSTED_NANOS}: a launch without
 * a version would otherwise ask the database each time, and another instance may have published.
 */
public final class DefinitionCatalog {

    /** A name with its newest version, for listings. */
    public record Summary(String name, int latestVersion, String description, Instant publishedAt,
                          String publishedBy) {
    }

    /** What publishing gives back: the new version and any warnings. */
    public record Published(String name, int version, boolean testVersion, List<Problem> warnings) {
    }

    /**
     * How long a process's latest version, once read, is used without reading it again: a version
     * published on another instance of a cluster is launched here at most this long after its commit
     * (one published here is at once).
     */
    public static final long LATEST_TRUSTED_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Latest(int version, long readAt) {
    }

    private final Expressions expressions;
    private final Map<DefinitionRecord.Key, CompiledProcess> compiled = new ConcurrentHashMap<>();
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    /** Counts {@link #forgetLatest} calls: a reading that began before one must not be kept. */
    private final AtomicLong forgettings = new AtomicLong();

    public DefinitionCatalog(Expressions expressions) {
        this.expressions = expressions;
    }

    public Expressions expressions() {
        return expressions;
    }

    public ValidationReport validate(EntityManager em, String json) {
        return validator(em).validate(json);
    }

    public Published publish(EntityManager em, String json, String publishedBy, Instant now) {
        return publish(em, json, publishedBy, now, false);
    }

    /**
     * Publishes a new version; a test version gets its number like any other but stays out of
     * "latest" (listings, launches without a version, RunProcess), so only who names it runs it.
     */
    public Published publish(EntityManager em, String json, String publishedBy, Instant now, boolean test) {
        var report = validate(em, json);
        if (!report.valid()) {
            throw new InvalidDefinitionException(report);
        }
        var definition = DefinitionReader.read(json).definition();
        var highest = em.createQuery("SELECT MAX(d.version) FROM DefinitionRecord d WHERE d.name = :name",
                Integer.class).setParameter("name", definition.name()).getSingleResult();
        int version = (highest == null ? 0 : highest) + 1;
        em.persist(new DefinitionRecord(definition.name(), version, definition.description(), now, publishedBy,
                json, test));
        em.flush();
        forgetLatest(definition.name());
        return new Published(definition.name(), version, test, report.warnings());
    }

    /** A version of a process ready to run; {@code version} null means the latest. */
    public Optional<CompiledProcess> find(EntityManager em, String name, Integer version) {
        var resolved = version != null ? Optional.of(version) : latestVersion(em, name);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        var key = new DefinitionRecord.Key(name, resolved.get());
        var cached = compiled.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(em.find(DefinitionRecord.class, key)).map(record -> compiled.computeIfAbsent(key,
                k -> new CompiledProcess(DefinitionReader.readPublished(record.source()).definition(), record.version())));
    }

    public Optional<DefinitionRecord> record(EntityManager em, String name, int version) {
        return Optional.ofNullable(em.find(DefinitionRecord.class, new DefinitionRecord.Key(name, version)));
    }

    public List<DefinitionRecord> versions(EntityManager em, String name) {
        return em.createQuery("SELECT d FROM DefinitionRecord d WHERE d.name = :name ORDER BY d.version",
                DefinitionRecord.class).setParameter("name", name).getResultList();
    }

    public List<Summary> list(EntityManager em) {
        return em.createQuery("SELECT d FROM DefinitionRecord d WHERE d.version = (SELECT MAX(e.version) FROM "
                        + "DefinitionRecord e WHERE e.name = d.name AND e.testVersion = false) ORDER BY d.name",
                        DefinitionRecord.class)
                .getResultList().stream()
                .map(d -> new Summary(d.name(), d.version(), d.description(), d.publishedAt(), d.publishedBy()))
                .toList();
    }

    /**
     * Drops what this instance knows of {@code name}'s latest version. {@link #publish} does, and its
     * caller should again once the publication has committed: a launch that read the latest version
     * before that commit would keep the one before it.
     */
    public void forgetLatest(String name) {
        forgettings.incrementAndGet();
        latest.remove(name);
    }

    /** A process never published is not remembered: its first version is launched as soon as it commits. */
    private Optional<Integer> latestVersion(EntityManager em, String name) {
        var known = latest.get(name);
        if (known != null && System.nanoTime() - known.readAt() < LATEST_TRUSTED_NANOS) {
            return Optional.of(known.version());
        }
        long before = forgettings.get();
        long readAt = System.nanoTime();
        var max = em.createQuery("SELECT MAX(d.version) FROM DefinitionRecord d WHERE d.name = :name "
                        + "AND d.testVersion = false", Integer.class).setParameter("name", name).getSingleResult();
        if (max != null && forgettings.get() == before) {
            var read = new Latest(max, readAt);
            latest.put(name, read);
            if (forgettings.get() != before) { // a publication committed between the check and the put
                latest.remove(name, read);
            }
        }
        return Optional.ofNullable(max);
    }

    private DefinitionValidator validator(EntityManager em) {
        return new DefinitionValidator(expressions, name -> find(em, name, null).map(CompiledProcess::definition));
    }
}
