package org.crisiscoordination.kernel.region;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The versioned membership data of the organisations and blocs, read once from
 * {@code regional-reference-data.json}, which records the source and as-of date of each list.
 */
public final class RegionalReferenceData {

    private static final String RESOURCE = "regional-reference-data.json";
    private static final RegionalReferenceData CURRENT = load();

    private final String version;
    private final LocalDate asOf;
    private final Map<Organization, Membership> organizations;
    private final Map<MinilateralBloc, Membership> blocs;
    private final SortedSet<StateCode> statesOfTheRegion;

    /** One organisation's or bloc's members, with where the list comes from. */
    public record Membership(String name, String source, LocalDate asOf, SortedSet<StateCode> members) {
    }

    private record File(String version, LocalDate asOf, String description,
                        Map<Organization, Entry> organizations, Map<MinilateralBloc, Entry> minilateralBlocs) {
    }

    private record Entry(String name, String source, LocalDate asOf, List<StateCode> members,
                         List<Organization> includesMembersOf) {
    }

    private RegionalReferenceData(File file) {
        this.version = file.version();
        this.asOf = file.asOf();
        this.organizations = Collections.unmodifiableMap(file.organizations().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> membership(e.getValue(), file))));
        this.blocs = Collections.unmodifiableMap(file.minilateralBlocs().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> membership(e.getValue(), file))));
        requireAll(Organization.values(), organizations.keySet());
        requireAll(MinilateralBloc.values(), blocs.keySet());
        TreeSet<StateCode> region = new TreeSet<>();
        organizations.values().forEach(m -> region.addAll(m.members()));
        this.statesOfTheRegion = Collections.unmodifiableSortedSet(region);
    }

    public static RegionalReferenceData current() {
        return CURRENT;
    }

    public String version() {
        return version;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Membership of(Organization organization) {
        return organizations.get(organization);
    }

    public Membership of(MinilateralBloc bloc) {
        return blocs.get(bloc);
    }

    /** The union of the organisations' members: whom inclusiveness is measured against. */
    public SortedSet<StateCode> statesOfTheRegion() {
        return statesOfTheRegion;
    }

    private static Membership membership(Entry entry, File file) {
        TreeSet<StateCode> members = new TreeSet<>(entry.members());
        if (entry.includesMembersOf() != null) {
            entry.includesMembersOf().forEach(other -> members.addAll(file.organizations().get(other).members()));
        }
        return new Membership(entry.name(), entry.source(), entry.asOf(), Collections.unmodifiableSortedSet(members));
    }

    private static <E> void requireAll(E[] expected, Set<E> present) {
        for (E e : expected) {
            if (!present.contains(e)) {
                throw new IllegalStateException(RESOURCE + " has no entry for " + e);
            }
        }
    }

    private static RegionalReferenceData load() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = RegionalReferenceData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new RegionalReferenceData(mapper.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
