package io.northstar.sample;

import static java.util.Objects.requireNonNull;

import io.northstar.contract.Datasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the datasets of SPEC.md §1 and §4 as CSV for {@link Story}'s organisation. Scale N
 * repeats the organisation's objectives, KPIs, projects, budget, services, risks, business
 * cases, assets, SWOT statements and commentary N times
 * (as regions with their own business units) under the same corporate and IT aims, so every
 * reference stays valid and row counts grow linearly. The same options give the same bytes.
 */
public final class SampleGenerator {

    /** What to generate; {@code asOf} is the last month of history. */
    public record Options(int scale, long seed, double dirtyRate, LocalDate asOf) {
        public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 10, 31);

        public Options {
            if (scale < 1) {
                throw new IllegalArgumentException("scale must be >= 1, was " + scale);
            }
            if (!(dirtyRate >= 0 && dirtyRate < 1)) {
                throw new IllegalArgumentException("dirty rate must be in [0, 1), was " + dirtyRate);
            }
            requireNonNull(asOf, "asOf is null");
        }
    }

    public static final String LEDGER_FILE = "_injected.json";

    private static final int KPI_HISTORY_MONTHS = 36;
    private static final int SERVICE_HISTORY_MONTHS = 24;
    private static final int BUDGET_HISTORY_MONTHS = 22;
    private static final int COST_CENTERS_PER_UNIT = 6;
    private static final int PROJECTS_PER_REPLICA = 60;
    private static final int RISKS_PER_REPLICA = 120;
    /** Random streams of the planning datasets, one a region, apart from the regions' own. */
    private static final long PLANNING_STREAM = 1L << 32;

    private final Options options;
    private final YearMonth asOfMonth;
    private final Map<String, DatasetSink> sinks = new LinkedHashMap<>();

    private SampleGenerator(Options options) {
        this.options = options;
        this.asOfMonth = YearMonth.from(options.asOf());
    }

    /** Generates into {@code folder} (created if needed) and returns what ingestion must find. */
    public static List<Ledger> generate(Path folder, Options options) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return new SampleGenerator(options).writeAll(folder);
    }

    private List<Ledger> writeAll(Path folder) {
        List<String> names = Datasets.names();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            sinks.put(name, new DatasetSink(folder, Datasets.require(name), options.dirtyRate(),
                    mix(options.seed(), 1000 + i), Story.CORPORATE_AIMS.get(0).id()));
        }
        List<Ledger> ledgers = new ArrayList<>();
        try {
            writeAims();
            for (int replica = 1; replica <= options.scale(); replica++) {
                new Replica(replica).write();
            }
        } finally {
            sinks.values().forEach(DatasetSink::close);
        }
        sinks.values().forEach(sink -> ledgers.add(sink.ledger()));
        if (options.dirtyRate() > 0) {
            writeLedger(folder.resolve(LEDGER_FILE), ledgers);
        }
        return ledgers;
    }

    private void writeLedger(Path file, List<Ledger> ledgers) {
        StringBuilder json = new StringBuilder("{\n  \"scale\": ").append(options.scale())
                .append(",\n  \"seed\": ").append(options.seed())
                .append(",\n  \"dirtyRate\": ").append(options.dirtyRate())
                .append(",\n  \"asOf\": \"").append(options.asOf()).append("\",\n  \"datasets\": {\n");
        for (int i = 0; i < ledgers.size(); i++) {
            json.append("    \"").append(ledgers.get(i).dataset()).append("\": ").append(ledgers.get(i).toJson())
                    .append(i + 1 < ledgers.size() ? ",\n" : "\n");
        }
        json.append("  }\n}\n");
        try {
            Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void writeAims() {
        DatasetSink objectives = sinks.get(Datasets.OBJECTIVES);
        for (Story.Aim aim : Story.CORPORATE_AIMS) {
            objectives.row(aim.id(), aim.name(), "corporate_aim", null, null, aim.owner(), null);
        }
        for (Story.Aim aim : Story.IT_AIMS) {
            objectives.row(aim.id(), aim.name(), "it_aim", aim.parent(), null, aim.owner(),
                    "IT strategic aim 2025-2027");
        }
    }

    /** A stable 64-bit seed for one stream, so datasets do not shift each other's random numbers. */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static LocalDate monthEnd(YearMonth month) {
        return month.atEndOfMonth();
    }

    /** One copy of the organisation: its objectives, KPIs, projects, budget, services and risks. */
    private final class Replica {
        private final int number;
        private final String idSuffix;
        private final String nameSuffix;
        private final SplittableRandom random;
        private final List<String> objectiveIds = new ArrayList<>();
        private final List<String> businessUnits = new ArrayList<>();
        private final List<ProjectFacts> projects = new ArrayList<>();
        private final List<String> serviceIds = new ArrayList<>();
        private final List<String> serviceNames = new ArrayList<>();

        /** What later datasets need to know of a project. */
        private record ProjectFacts(String id, String name, int bu, String status, YearMonth start, int duration,
                double cpi, double spi, long budgetCents, boolean linked) {
        }

        Replica(int number) {
            this.number = number;
            this.idSuffix = number == 1 ? "" : "-R" + number;
            this.nameSuffix = number == 1 ? "" : " (region " + number + ")";
            this.random = new SplittableRandom(mix(options.seed(), number));
            for (String unit : Story.BUSINESS_UNITS) {
                businessUnits.add(number == 1 ? unit : unit + " R" + number);
            }
        }

        void write() {
            writeObjectives();
            writeKpis();
            writeProjects();
            writeBudget();
            writeServices();
            writeRisks();
            writePlanning();
            new CommentaryWriter(idSuffix, businessUnits, number == 1, options.asOf())
                    .write(sinks.get(Datasets.COMMENTARY), sinks.get(Datasets.RISKS)::spoiled);
            writeRecipients();
        }

        /** The board once (every region reports to it), each region's units with their own mailboxes. */
        private void writeRecipients() {
            DatasetSink sink = sinks.get(Datasets.RECIPIENTS);
            for (Story.Recipient recipient : Story.RECIPIENTS) {
                boolean board = recipient.unit() == Story.Recipient.BOARD;
                if (board && number > 1) {
                    continue;
                }
                String mailbox = recipient.mailbox() + (number == 1 ? "" : ".r" + number);
                sink.row(board ? Datasets.BOARD_AUDIENCE : businessUnits.get(recipient.unit()),
                        mailbox + "@" + Story.MAIL_DOMAIN, recipient.name() + (board ? "" : nameSuffix),
                        recipient.active() ? null : "false");
            }
        }

        private void writePlanning() {
            PlanningWriter planning = new PlanningWriter(new PlanningWriter.Region(idSuffix, nameSuffix, businessUnits,
                    objectiveIds, projects.stream().map(ProjectFacts::id).toList()), options.asOf(),
                    new SplittableRandom(mix(options.seed(), PLANNING_STREAM + number)));
            planning.writeCases(sinks.get(Datasets.BUSINESS_CASES));
            planning.writeAssets(sinks.get(Datasets.ASSETS));
            planning.writeSwot(sinks.get(Datasets.SWOT));
        }

        private String objectiveId(int index) {
            return String.format("OBJ-%02d%s", index + 1, idSuffix);
        }

        private void writeObjectives() {
            DatasetSink sink = sinks.get(Datasets.OBJECTIVES);
            for (int i = 0; i < Story.OBJECTIVES.size(); i++) {
                Story.Objective objective = Story.OBJECTIVES.get(i);
                objectiveIds.add(objectiveId(i));
                sink.row(objectiveId(i), objective.name() + nameSuffix, "objective", objective.aim(),
                        objective.weight() == 1 ? null : Fmt.num(objective.weight(), 1), objective.owner(), null);
            }
        }

        private void writeKpis() {
            DatasetSink kpis = sinks.get(Datasets.KPIS);
            DatasetSink observations = sinks.get(Datasets.KPI_OBSERVATIONS);
            YearMonth first = asOfMonth.minusMonths(KPI_HISTORY_MONTHS - 1L);
            LocalDate baselineDate = monthEnd(first);
            for (int i = 0; i < Story.KPIS.size(); i++) {
                Story.Kpi kpi = Story.KPIS.get(i);
                String id = String.format("K-%02d%s", i + 1, idSuffix);
                LocalDate targetDate = kpi.targetPassed() ? monthEnd(asOfMonth.minusMonths(4))
                        : monthEnd(asOfMonth.plusMonths(14));
                String owner = kpi.owner() == null ? null
                        : kpi.owner().isEmpty() && kpi.objective() >= 0 ? Story.OBJECTIVES.get(kpi.objective()).owner()
                        : kpi.owner().isEmpty() ? null : kpi.owner();
                kpis.row(id, kpi.name() + nameSuffix, kpi.objective() < 0 ? null : objectiveId(kpi.objective()),
                        kpi.unit(), kpi.higherIsBetter() ? "higher_is_better" : "lower_is_better",
                        kpi.quarterly() ? "quarterly" : "monthly", Fmt.num(kpi.baseline(), kpi.decimals()),
                        baselineDate, kpi.target() == null ? null : Fmt.num(kpi.target(), kpi.decimals()),
                        kpi.target() == null ? null : targetDate,
                        kpi.trajectory() == Story.Trajectory.NOISY ? "0.15" : null, owner,
                        bound(kpi.writtenBounds().lower(), kpi.decimals()),
                        bound(kpi.writtenBounds().upper(), kpi.decimals()));
                double target = kpi.target() != null ? kpi.target() : kpi.baseline() * 1.5 + 5;
                double span = Math.max(Math.abs(target - kpi.baseline()), 1e-9);
                double days = ChronoUnit.DAYS.between(baselineDate, targetDate);
                for (int m = 0; m < KPI_HISTORY_MONTHS; m++) {
                    YearMonth month = first.plusMonths(m);
                    if (kpi.quarterly() && month.getMonthValue() % 3 != 0) {
                        continue;
                    }
                    LocalDate periodEnd = monthEnd(month);
                    double fraction = Math.min(1, ChronoUnit.DAYS.between(baselineDate, periodEnd) / days);
                    double value = kpi.baseline() + kpi.trajectory().progress * (target - kpi.baseline()) * fraction
                            + kpi.trajectory().noise * span * gaussian();
                    // noise never carries a value outside its KPI's bounds, which ingestion would quarantine
                    value = kpi.effectiveBounds().clamp(value);
                    observations.row(id, periodEnd, Fmt.num(value, kpi.decimals()));
                }
            }
        }

        private static String bound(Double bound, int decimals) {
            return bound == null ? null : Fmt.num(bound, decimals);
        }

        private void writeProjects() {
            int flagshipCount = number == 1 ? Story.FLAGSHIPS.size() : 0;
            List<String> unlinked = new ArrayList<>();
            DatasetSink sink = sinks.get(Datasets.PROJECTS);
            List<Object[]> links = new ArrayList<>();
            for (int i = 0; i < PROJECTS_PER_REPLICA; i++) {
                String id = String.format("P-%03d%s", i + 1, idSuffix);
                ProjectFacts facts;
                Object[] row;
                if (i < flagshipCount) {
                    Story.Flagship flagship = Story.FLAGSHIPS.get(i);
                    YearMonth start = asOfMonth.minusMonths(flagship.startMonthsAgo());
                    facts = new ProjectFacts(id, flagship.name(), flagship.bu(), flagship.status(), start,
                            flagship.durationMonths(), flagship.cpi(), flagship.spi(),
                            flagship.budgetThousands() * 100_000L, flagship.objectives().length > 0);
                    row = projectRow(facts, flagship.parent() < 0 ? null : String.format("P-%03d", flagship.parent() + 1),
                            flagship.category(), flagship.value(), flagship.urgency(), flagship.effort());
                    for (int k = 0; k < flagship.objectives().length; k++) {
                        links.add(new Object[] {id, objectiveId(flagship.objectives()[k]),
                            Fmt.num(flagship.contributions()[k], 2)});
                    }
                } else {
                    Story.RoutineProject routine = routineProject(i - flagshipCount);
                    facts = proceduralProject(i - flagshipCount, routine, id);
                    row = projectRow(facts, null, pick("run", "run", "grow", "grow", "transform"),
                            1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5));
                    // these draws once picked the objectives at random; they stay so that the draws
                    // after them, and with them the portfolio's numbers, do not move
                    if (facts.linked()) {
                        random.nextInt(Story.OBJECTIVES.size() - 1);
                        if (random.nextDouble() < 0.4) {
                            random.nextInt(5);
                        }
                        int[] objectives = routine.objectives();
                        boolean two = objectives.length == 2;
                        links.add(new Object[] {id, objectiveId(objectives[0]), two ? "0.6" : "1.00"});
                        if (two) {
                            links.add(new Object[] {id, objectiveId(objectives[1]), "0.3"});
                        }
                    }
                }
                if (!facts.linked()) {
                    unlinked.add(id);
                }
                projects.add(facts);
                sink.row(row);
            }
            DatasetSink linkSink = sinks.get(Datasets.PROJECT_OBJECTIVES);
            linkSink.dirty.offerUnlinkedProjects(unlinked, objectiveIds);
            links.forEach(linkSink::row);
            writeProjectStatus();
        }

        /** A region repeats the routine portfolio in phases once its list runs out. */
        private Story.RoutineProject routineProject(int index) {
            return Story.ROUTINE_PROJECTS.get(index % Story.ROUTINE_PROJECTS.size());
        }

        private ProjectFacts proceduralProject(int index, Story.RoutineProject routine, String id) {
            int phase = index / Story.ROUTINE_PROJECTS.size();
            String name = phase == 0 ? routine.name() : routine.name() + ", phase " + (phase + 1);
            String status = pick("proposed", "approved", "active", "active", "active", "active", "active", "on_hold",
                    "completed", "completed", "cancelled");
            int duration = 6 + random.nextInt(19);
            int startMonthsAgo = switch (status) {
                case "proposed", "approved" -> -(1 + random.nextInt(6));
                case "completed" -> duration + 1 + random.nextInt(6);
                default -> 2 + random.nextInt(Math.max(1, duration - 1));
            };
            double profile = random.nextDouble();
            double cpi = profile < 0.6 ? 0.96 + 0.1 * random.nextDouble() : profile < 0.8 ? 0.7 + 0.2 * random.nextDouble()
                    : 0.97 + 0.06 * random.nextDouble();
            double spi = profile < 0.8 ? 0.96 + 0.1 * random.nextDouble() : 0.7 + 0.2 * random.nextDouble();
            long budget = Math.round(150_000 * Math.exp(random.nextDouble() * 3.0) / 1000) * 100_000L;
            // this draw once picked the business unit; kept so that the draws after it do not move
            random.nextInt(Story.BUSINESS_UNITS.size());
            return new ProjectFacts(id, name, routine.bu(), status, asOfMonth.minusMonths(startMonthsAgo), duration,
                    cpi, routine.spi() == null ? spi : routine.spi(), budget, random.nextDouble() < 0.87);
        }

        private Object[] projectRow(ProjectFacts facts, String parent, String category, int value, int urgency,
                int effort) {
            return new Object[] {facts.id(), facts.name() + nameSuffix, parent == null ? null : parent + idSuffix,
                businessUnits.get(facts.bu()), category, facts.status(), facts.start().atDay(1),
                monthEnd(facts.start().plusMonths(facts.duration() - 1L)), Fmt.money(facts.budgetCents()), value,
                urgency, effort, Story.PEOPLE.get(random.nextInt(Story.PEOPLE.size())),
                Story.PEOPLE.get(random.nextInt(Story.PEOPLE.size()))};
        }

        private void writeProjectStatus() {
            DatasetSink sink = sinks.get(Datasets.PROJECT_STATUS);
            for (ProjectFacts project : projects) {
                int months = switch (project.status()) {
                    case "active" -> (int) project.start().until(asOfMonth, ChronoUnit.MONTHS) + 1;
                    case "completed" -> project.duration();
                    case "on_hold" -> Math.max(1, (int) (project.duration() * 0.6));
                    case "cancelled" -> Math.max(1, (int) (project.duration() * 0.4));
                    default -> 0;
                };
                months = Math.min(months, (int) project.start().until(asOfMonth, ChronoUnit.MONTHS) + 1);
                double bac = project.budgetCents();
                LocalDate forecastEnd = monthEnd(project.start().plusMonths(
                        Math.max(project.duration(), Math.round(project.duration() / project.spi())) - 1L));
                for (int m = 1; m <= months; m++) {
                    boolean finished = "completed".equals(project.status()) && m == months;
                    double jitter = 1 + 0.02 * gaussian();
                    double pv = finished ? bac : bac * Math.min(1, (double) m / project.duration());
                    double ev = finished ? bac : Math.min(bac, pv * project.spi() * jitter);
                    double ac = ev / (project.cpi() * (1 + 0.01 * gaussian()));
                    sink.row(project.id(), monthEnd(project.start().plusMonths(m - 1L)), Fmt.money(Math.round(pv)),
                            Fmt.money(Math.round(ev)), Fmt.money(Math.round(ac)),
                            Fmt.num(bac == 0 ? 0 : 100 * ev / bac, 1), finished ? null : forecastEnd);
                }
            }
        }

        private void writeBudget() {
            DatasetSink sink = sinks.get(Datasets.BUDGET_LINES);
            YearMonth first = asOfMonth.minusMonths(BUDGET_HISTORY_MONTHS - 1L);
            YearMonth last = YearMonth.of(asOfMonth.getYear(), 12);
            double[][] centerWeight = new double[businessUnits.size()][COST_CENTERS_PER_UNIT];
            for (double[] unit : centerWeight) {
                for (int c = 0; c < unit.length; c++) {
                    unit[c] = 0.5 + random.nextDouble();
                }
            }
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                boolean past = !month.isAfter(asOfMonth);
                boolean quarterEnd = month.getMonthValue() % 3 == 0;
                for (int bu = 0; bu < businessUnits.size(); bu++) {
                    List<String> unitProjects = activeProjects(bu);
                    for (int cc = 0; cc < COST_CENTERS_PER_UNIT; cc++) {
                        String costCenter = String.format("CC-%s-%02d%s", Story.BU_CODES.get(bu), cc + 1, idSuffix);
                        for (Story.Tower tower : Story.TOWERS) {
                            for (String category : tower.capex() && quarterEnd ? List.of("opex", "capex")
                                    : List.of("opex")) {
                                for (int v = 0; v < tower.vendors().length; v++) {
                                    double plan = tower.monthlyPlanThousands() * 1000 * centerWeight[bu][cc]
                                            * (v == 0 ? 0.6 : 0.4) * ("capex".equals(category) ? 3 : 1);
                                    long planCents = Math.round(plan / 100) * 10_000L;
                                    double drift = Story.unitOverspend(bu, tower) + tower.overspend();
                                    String actual = past ? Fmt.money(Math.round(planCents * (1 + drift
                                            + 0.04 * gaussian()))) : "0.00";
                                    String forecast = past ? null : Fmt.money(Math.round(planCents * (1 + drift)));
                                    // capital spend and the main application vendor's work are project work
                                    boolean projectWork = "capex".equals(category)
                                            || "Application".equals(tower.name()) && v == 0;
                                    String project = projectWork && !unitProjects.isEmpty()
                                            ? unitProjects.get((cc + month.getMonthValue() + v) % unitProjects.size())
                                            : null;
                                    sink.row(month.toString(), businessUnits.get(bu), costCenter, project, category,
                                            tower.name(), tower.vendors()[v], Fmt.money(planCents), actual, forecast);
                                }
                            }
                        }
                    }
                }
            }
        }

        private List<String> activeProjects(int bu) {
            List<String> ids = new ArrayList<>();
            for (ProjectFacts project : projects) {
                if (project.bu() == bu && "active".equals(project.status())) {
                    ids.add(project.id());
                }
            }
            return ids;
        }

        private void writeServices() {
            DatasetSink services = sinks.get(Datasets.SERVICES);
            DatasetSink dependencies = sinks.get(Datasets.SERVICE_DEPENDENCIES);
            for (Story.Service service : Story.SERVICES) {
                serviceIds.add(service.id() + idSuffix);
                serviceNames.add(service.name() + nameSuffix);
                services.row(service.id() + idSuffix, service.name() + nameSuffix, objectiveId(service.objective()),
                        service.tier() == 1 ? "Platform Operations" : "Application Support", service.tier(),
                        Fmt.num(service.target(), 2), Fmt.money(service.costThousands() * 100_000L));
            }
            for (Story.Service service : Story.SERVICES) {
                for (String dependency : service.dependsOn()) {
                    dependencies.row(service.id() + idSuffix, dependency + idSuffix);
                }
            }
            DatasetSink levels = sinks.get(Datasets.SERVICE_LEVELS);
            YearMonth first = asOfMonth.minusMonths(SERVICE_HISTORY_MONTHS - 1L);
            for (Story.Service service : Story.SERVICES) {
                for (int m = 0; m < SERVICE_HISTORY_MONTHS; m++) {
                    YearMonth month = first.plusMonths(m);
                    double headroom = 100 - service.target();
                    boolean miss = service.id().equals(Story.CHRONIC_MISSES) ? random.nextDouble() < 0.5
                            : service.id().equals(Story.LAST_MONTH_OUTAGE) && month.equals(asOfMonth)
                            || random.nextDouble() < 0.03;
                    double availability = miss ? service.target() - 0.05 - 0.6 * random.nextDouble()
                            : service.target() + headroom * (0.1 + 0.85 * random.nextDouble());
                    int incidents = (miss ? 3 : 0) + random.nextInt(service.tier() == 1 ? 6 : 3);
                    int major = miss ? 1 : random.nextDouble() < 0.05 ? 1 : 0;
                    String mttr = incidents == 0 ? null : Fmt.num(0.5 + (miss ? 6 : 3) * random.nextDouble(), 1);
                    levels.row(service.id() + idSuffix, monthEnd(month), Fmt.num(Math.min(100, availability), 3),
                            incidents, major, mttr);
                }
            }
        }

        private void writeRisks() {
            DatasetSink sink = sinks.get(Datasets.RISKS);
            List<ProjectFacts> open = projects.stream()
                    .filter(p -> List.of("active", "approved", "on_hold").contains(p.status())).toList();
            double[] probabilities = {0.1, 0.3, 0.5, 0.7, 0.9};
            int[] titled = new int[Story.RISK_CATEGORIES.size()];
            for (int i = 0; i < RISKS_PER_REPLICA; i++) {
                int category = (i * 3 + random.nextInt(3)) % Story.RISK_CATEGORIES.size();
                double link = random.nextDouble();
                ProjectFacts project = link < 0.55 && !open.isEmpty() ? open.get(random.nextInt(open.size())) : null;
                int objective = link >= 0.45 && link < 0.8 ? random.nextInt(Story.OBJECTIVES.size()) : -1;
                int service = link >= 0.75 ? random.nextInt(serviceIds.size()) : -1;
                String subject = project != null ? project.name() : service >= 0 ? serviceNames.get(service)
                        : objective >= 0 ? Story.OBJECTIVES.get(objective).topic()
                        : businessUnits.get(random.nextInt(businessUnits.size()));
                int likelihood = triangular();
                int impact = triangular();
                if (number == 1 && i < 3) {
                    likelihood = 4 + i % 2;
                    impact = 5;
                }
                boolean costed = random.nextDouble() < 0.9;
                long low = Math.round(10_000 * Math.exp(random.nextDouble() * 3.9) / 1000) * 1000;
                long likely = Math.round(low * (1.2 + 1.3 * random.nextDouble()) / 1000) * 1000;
                long high = Math.round(likely * (1.4 + 1.6 * random.nextDouble()) / 1000) * 1000;
                String status = number == 1 && i < 3 ? "open"
                        : pick("open", "open", "open", "open", "open", "open", "mitigating", "mitigating", "mitigating",
                                "accepted", "accepted", "closed", "closed");
                LocalDate identified = options.asOf().minusDays(random.nextInt(700));
                // most mitigations are planned ahead; about one in six is late
                LocalDate due = options.asOf().plusDays(random.nextInt(420) - 70);
                // a risk its owner wrote about is due when the note's action is
                Integer notedDue = CommentaryStory.riskActionDueDays(String.format("R-%03d", i + 1));
                if (notedDue != null) {
                    due = options.asOf().plusDays(notedDue);
                }
                boolean residual = random.nextDouble() < 0.85;
                // this draw once picked one of four title templates; it stays so that the draws
                // after it, and with them the register's numbers, do not move
                random.nextInt(4);
                sink.row(String.format("R-%03d%s", i + 1, idSuffix),
                        Story.riskTitle(category, titled[category]++, subject),
                        project == null ? null : project.id(), objective < 0 ? null : objectiveId(objective),
                        service < 0 ? null : serviceIds.get(service), Story.RISK_CATEGORIES.get(category), likelihood,
                        impact, random.nextDouble() < 0.2 ? Fmt.num(probabilities[likelihood - 1]
                                + 0.05 * (random.nextInt(3) - 1), 2) : null,
                        costed ? Fmt.money(low * 100) : null, costed ? Fmt.money(likely * 100) : null,
                        costed ? Fmt.money(high * 100) : null, status,
                        Story.PEOPLE.get(random.nextInt(Story.PEOPLE.size())), identified, due,
                        residual ? Math.max(1, likelihood - random.nextInt(3)) : null,
                        residual ? Math.max(1, impact - random.nextInt(2)) : null);
            }
        }

        /** 1..5, most often 2..4. */
        private int triangular() {
            return 1 + (random.nextInt(5) + random.nextInt(5) + 1) / 2;
        }

        private String pick(String... values) {
            return values[random.nextInt(values.length)];
        }

        /** A standard normal draw (Box-Muller), from this replica's stream. */
        private double gaussian() {
            double u = 1 - random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        }
    }
}
