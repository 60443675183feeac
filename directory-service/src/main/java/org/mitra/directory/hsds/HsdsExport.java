package org.mitra.directory.hsds;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mitra.directory.organization.Organization;
import org.mitra.directory.region.Region;
import org.mitra.directory.services.Service;
import org.mitra.directory.services.ServiceLocation;
import org.mitra.directory.services.ServiceQuery;
import org.mitra.directory.services.ServiceSearch;
import org.mitra.directory.taxonomy.TaxonomyTerm;
import org.mitra.directory.version.DirectoryVersion;
import org.mitra.directory.version.VersionedCache;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * The public directory as Open Referral HSDS 3.0: verified organizations, their active services and
 * public locations, and the taxonomy. Nothing confidential and nothing unverified is exported.
 */
@ApplicationScoped
public class HsdsExport {
    @Inject
    ServiceSearch search;

    @Inject
    EntityManager entityManager;

    @Inject
    DirectoryVersion version;

    /** The mapper's regions and taxonomy (copies, never managed entities), kept for the directory's version. */
    private final VersionedCache<Class<HsdsMapper>, HsdsMapper> mappers = new VersionedCache<>(1);

    /** Filters of the HSDS list operations; null means "not given". */
    public record Filters(String search, UUID taxonomyTermId, UUID taxonomyId, UUID organizationId, Instant modifiedAfter,
            String postcode) {
    }

    public Hsds.Page<Hsds.Service> services(Filters filters, int page, int perPage, boolean minimal) {
        if (foreignTaxonomy(filters)) {
            return Hsds.Page.of(List.of(), page, perPage, 0);
        }
        ServiceQuery query = new ServiceQuery(null, null, null, null, null, false, filters.search(),
                filters.organizationId(), filters.taxonomyTermId(), filters.modifiedAfter());
        // HSDS objects hold public data only (no confidential location, nothing unverified), the same for every caller.
        ServiceSearch.Viewed<Hsds.Service> result = search.search(query, null, (page - 1) * perPage, perPage,
                minimal ? "hsds-minimal" : "hsds", services -> {
                    HsdsMapper mapper = mapper();
                    return services.stream().map(service -> mapper.service(service, minimal)).toList();
                });
        return Hsds.Page.of(result.items(), page, perPage, result.total());
    }

    public Hsds.Service service(UUID id) {
        Service service = Service.<Service>findByIdOptional(id)
                .filter(found -> found.status == Service.Status.ACTIVE && found.organization.isVerified())
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.service"), id));
        return mapper().service(service, false);
    }

    public Hsds.Page<Hsds.Organization> organizations(String text, int page, int perPage, boolean fullService) {
        String where = "status = :status" + (text != null ? " and (lower(name) like :text or lower(description) like :text)" : "");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("status", OrganizationStatus.VERIFIED);
        if (text != null) {
            parameters.put("text", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var query = Organization.<Organization>find(where, Sort.by("name").and("id"), parameters);
        List<Organization> organizations = query.page(page - 1, perPage).list();
        HsdsMapper mapper = mapper();
        return Hsds.Page.of(organizations.stream().map(organization -> organization(mapper, organization, fullService)).toList(),
                page, perPage, query.count());
    }

    public Hsds.Organization organization(UUID id, boolean fullService) {
        Organization organization = Organization.<Organization>findByIdOptional(id)
                .filter(Organization::isVerified)
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.organization"), id));
        return organization(mapper(), organization, fullService);
    }

    public Hsds.Page<Hsds.ServiceAtLocation> serviceAtLocations(Filters filters, int page, int perPage) {
        if (foreignTaxonomy(filters)) {
            return Hsds.Page.of(List.of(), page, perPage, 0);
        }
        StringBuilder where = new StringBuilder("""
                FROM service_location l JOIN service s ON s.id = l.service_id JOIN organization o ON o.id = s.organization_id
                WHERE NOT l.confidential AND s.status = 'ACTIVE' AND o.status = 'VERIFIED'""");
        Map<String, Object> parameters = new HashMap<>();
        if (filters.search() != null) {
            where.append(" AND s.search_text @@ websearch_to_tsquery('simple', :text)");
            parameters.put("text", filters.search());
        }
        if (filters.taxonomyTermId() != null) {
            where.append(" AND s.category_id IN (SELECT t.id FROM taxonomy_term t WHERE t.id = :term OR t.parent_id = :term)");
            parameters.put("term", filters.taxonomyTermId());
        }
        if (filters.organizationId() != null) {
            where.append(" AND s.organization_id = :organization");
            parameters.put("organization", filters.organizationId());
        }
        if (filters.modifiedAfter() != null) {
            where.append(" AND s.updated_at > :modifiedAfter");
            parameters.put("modifiedAfter", java.sql.Timestamp.from(filters.modifiedAfter()));
        }
        if (filters.postcode() != null) {
            where.append(" AND l.postal_code = :postcode");
            parameters.put("postcode", filters.postcode());
        }
        var count = entityManager.createNativeQuery("SELECT count(*) " + where);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        var select = entityManager.createNativeQuery("SELECT l.id " + where + " ORDER BY s.name, l.id", UUID.class);
        parameters.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = select.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
        Map<UUID, ServiceLocation> locations = entityManager
                .createQuery("from ServiceLocation l join fetch l.service where l.id in :ids", ServiceLocation.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(location -> location.id, Function.identity()));
        HsdsMapper mapper = mapper();
        return Hsds.Page.of(ids.stream().map(locations::get)
                .map(location -> mapper.serviceAtLocation(location.service, location, true)).toList(), page, perPage, total);
    }

    public Hsds.ServiceAtLocation serviceAtLocation(UUID id) {
        ServiceLocation location = entityManager.find(ServiceLocation.class, id);
        if (location == null || location.confidential || location.service.status != Service.Status.ACTIVE
                || !location.service.organization.isVerified()) {
            throw ResourceNotFoundException.of(MESSAGES.text("noun.service-at-location"), id);
        }
        return mapper().serviceAtLocation(location.service, location, true);
    }

    public List<Hsds.Taxonomy> taxonomies() {
        return List.of(HsdsMapper.taxonomy());
    }

    public Hsds.Taxonomy taxonomy(UUID id) {
        if (!HsdsMapper.TAXONOMY_ID.equals(id)) {
            throw ResourceNotFoundException.of(MESSAGES.text("noun.taxonomy"), id);
        }
        return HsdsMapper.taxonomy();
    }

    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(String text, UUID taxonomyId, boolean topOnly, UUID parentId,
            int page, int perPage) {
        if (taxonomyId != null && !HsdsMapper.TAXONOMY_ID.equals(taxonomyId)) {
            return Hsds.Page.of(List.of(), page, perPage, 0);
        }
        List<TaxonomyTerm> terms = TaxonomyTerm.<TaxonomyTerm>listAll(Sort.by("code")).stream()
                .filter(term -> !topOnly || term.parentId == null)
                .filter(term -> parentId == null || parentId.equals(term.parentId))
                .filter(term -> text == null || matches(term, text))
                .toList();
        HsdsMapper mapper = mapper();
        int from = Math.min(terms.size(), (page - 1) * perPage);
        List<Hsds.TaxonomyTerm> contents = terms.subList(from, Math.min(terms.size(), from + perPage)).stream()
                .map(mapper::term).toList();
        return Hsds.Page.of(contents, page, perPage, terms.size());
    }

    public Hsds.TaxonomyTerm taxonomyTerm(UUID id) {
        TaxonomyTerm term = TaxonomyTerm.<TaxonomyTerm>findByIdOptional(id)
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.taxonomy-term"), id));
        return mapper().term(term);
    }

    private Hsds.Organization organization(HsdsMapper mapper, Organization organization, boolean fullService) {
        List<Hsds.Service> services = null;
        if (fullService) {
            services = Service.<Service>list("organization.id = ?1 and status = ?2", Sort.by("name").and("id"),
                    organization.id, Service.Status.ACTIVE).stream().map(service -> mapper.service(service, true)).toList();
        }
        return mapper.organization(organization, services);
    }

    private static boolean matches(TaxonomyTerm term, String text) {
        String wanted = text.toLowerCase(java.util.Locale.ROOT);
        return term.code.contains(wanted) || term.nameEn.toLowerCase(java.util.Locale.ROOT).contains(wanted)
                || term.nameId.toLowerCase(java.util.Locale.ROOT).contains(wanted);
    }

    private static boolean foreignTaxonomy(Filters filters) {
        return filters.taxonomyId() != null && !HsdsMapper.TAXONOMY_ID.equals(filters.taxonomyId());
    }

    private HsdsMapper mapper() {
        return mapper(version.read());
    }

    private HsdsMapper mapper(Optional<DirectoryVersion.Stamp> stamp) {
        // Regions and taxonomy only: no capacity report changes them.
        return mappers.get(stamp.map(DirectoryVersion.Stamp::membershipOnly), HsdsMapper.class, () -> {
            Map<String, Region> regions = Region.<Region>listAll().stream().map(HsdsExport::copy)
                    .collect(Collectors.toUnmodifiableMap(region -> region.code, Function.identity()));
            Map<UUID, TaxonomyTerm> terms = TaxonomyTerm.<TaxonomyTerm>listAll().stream().map(HsdsExport::copy)
                    .collect(Collectors.toUnmodifiableMap(term -> term.id, Function.identity()));
            return new HsdsMapper(regions, terms);
        });
    }

    /** What the mapper reads of a region, detached from any persistence context, so requests on other threads may share it. */
    private static Region copy(Region region) {
        Region copy = new Region();
        copy.code = region.code;
        copy.name = region.name;
        copy.level = region.level;
        copy.parentCode = region.parentCode;
        copy.path = region.path;
        copy.version = region.version;
        copy.updatedAt = region.updatedAt;
        return copy;
    }

    private static TaxonomyTerm copy(TaxonomyTerm term) {
        TaxonomyTerm copy = new TaxonomyTerm();
        copy.id = term.id;
        copy.code = term.code;
        copy.slice = term.slice;
        copy.parentId = term.parentId;
        copy.nameEn = term.nameEn;
        copy.nameId = term.nameId;
        copy.description = term.description;
        copy.requiresLawEnforcement = term.requiresLawEnforcement;
        copy.version = term.version;
        copy.updatedAt = term.updatedAt;
        return copy;
    }
}
