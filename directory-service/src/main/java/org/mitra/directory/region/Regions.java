package org.mitra.directory.region;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads the region tree. */
@ApplicationScoped
public class Regions {

    public List<RegionView> all() {
        return Region.<Region>listAll(Sort.by("path")).stream().map(RegionView::of).toList();
    }

    /** The region and every region below it, in tree order; empty if the code is unknown. */
    public List<RegionView> within(String code) {
        return find(code)
                .map(root -> Region.<Region>list("path = ?1 or path like ?2", Sort.by("path"), root.path, root.path + ".%")
                        .stream().map(RegionView::of).toList())
                .orElse(List.of());
    }

    public Optional<Region> find(String code) {
        return Region.findByIdOptional(code);
    }
}
