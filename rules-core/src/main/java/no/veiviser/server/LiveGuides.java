package no.veiviser.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import no.veiviser.CompiledGuide;

/**
 * The guides a server has live, by id. A new version replaces the old one in one atomic step, and only after
 * {@link GoLiveGate} accepted it: requests in flight finish on the version they took, new ones get the new one,
 * and a refused version leaves the running one in place. Thread-safe, without locks on the request path.
 */
public final class LiveGuides {
    private final Map<String, CompiledGuide> live = new ConcurrentHashMap<>();

    /**
     * The live version of a guide: take it once per request.
     *
     * @param id the guide's id
     * @return the live version; empty when there is none
     */
    public Optional<CompiledGuide> get(String id) {
        return Optional.ofNullable(live.get(id));
    }

    /**
     * Checks a guide file through {@link GoLiveGate#check(Path)} and swaps it in only if accepted.
     *
     * @param guideFile the guide file
     * @return what the gate decided
     */
    public GoLive offer(Path guideFile) {
        GoLive result = GoLiveGate.check(guideFile);
        result.guide().ifPresent(this::put);
        return result;
    }

    /**
     * Puts a guide live without the gate: for guides already checked elsewhere, such as the bundled ones whose
     * scenarios run in their own build.
     *
     * @param guide the compiled guide
     */
    public void put(CompiledGuide guide) {
        live.put(guide.guide().id(), guide);
    }

    /**
     * The live guides at this moment.
     *
     * @return the live guides by id, in id order
     */
    public Map<String, CompiledGuide> snapshot() {
        return new TreeMap<>(live);
    }
}
