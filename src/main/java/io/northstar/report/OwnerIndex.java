package io.northstar.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The appendix's "who answers for what": each owner the pages name, with the items of theirs that
 * need a word (commentary_status). The data gives owners as people ("F. Nguyen") or roles
 * ("Group Controller") and no directory of who is who, so what a person answers for is what tells
 * a reader who they are.
 */
public final class OwnerIndex {
    public static final String SECTION = "Who answers for what";
    /** How a row without an owner is listed, last: the gap in accountability is itself news. */
    static final String NOBODY = "No owner named";
    /** Names listed per kind of item before "and N more". */
    public static final int NAMES_SHOWN = 2;

    /** Each kind's label, in the order the pages show the kinds. */
    private static final List<String> KIND_ORDER = List.of("business_unit", "kpi", "project", "risk", "service");
    private static final Map<String, String> KINDS = Map.of("business_unit", "Unit budget", "kpi", "KPIs",
            "project", "Projects", "risk", "Risks", "service", "Services");

    /** One kind of item one owner answers for: how many, and the first few by severity. */
    public record Responsibility(String owner, String entityType, long count, List<Item> first) {
        public Responsibility {
            Objects.requireNonNull(entityType, "entityType");
            if (count < first.size()) {
                throw new IllegalArgumentException("count " + count + " is below the " + first.size() + " items named");
            }
            first = List.copyOf(first);
        }
    }

    /** An item by its name and status word ("red", "critical"). */
    public record Item(String name, String status) {
        public Item {
            Objects.requireNonNull(name, "name");
        }
    }

    private OwnerIndex() {
    }

    /**
     * One row per owner (term: the owner; meaning: "Projects: A (red), B (amber) · Risks: …"),
     * owners in alphabetical order and items without an owner last; kinds in the order the pages
     * show them.
     */
    public static List<Map<String, Object>> rows(List<Responsibility> responsibilities) {
        Map<String, List<Responsibility>> byOwner = new TreeMap<>(Comparator
                .comparing((String owner) -> owner.equals(NOBODY)).thenComparing(String.CASE_INSENSITIVE_ORDER));
        for (Responsibility responsibility : responsibilities) {
            String owner = responsibility.owner() == null || responsibility.owner().isBlank() ? NOBODY
                    : responsibility.owner().strip();
            byOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(responsibility);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byOwner.forEach((owner, theirs) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("section", SECTION);
            row.put("term", owner);
            row.put("meaning", meaning(theirs));
            rows.add(row);
        });
        return rows;
    }

    private static String meaning(List<Responsibility> theirs) {
        return theirs.stream()
                .sorted(Comparator.comparing((Responsibility r) -> KIND_ORDER.contains(r.entityType())
                        ? KIND_ORDER.indexOf(r.entityType()) : KIND_ORDER.size()).thenComparing(Responsibility::entityType))
                .map(OwnerIndex::kind).reduce((a, b) -> a + " · " + b).orElse("");
    }

    private static String kind(Responsibility responsibility) {
        StringBuilder text = new StringBuilder(KINDS.getOrDefault(responsibility.entityType(),
                responsibility.entityType())).append(": ");
        List<String> named = responsibility.first().stream()
                .map(item -> item.status() == null ? item.name() : item.name() + " (" + item.status() + ")").toList();
        text.append(String.join(", ", named));
        long more = responsibility.count() - named.size();
        if (more > 0) {
            text.append(named.isEmpty() ? more : " and " + more + " more");
        }
        return text.toString();
    }
}
