package no.veiviser.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.IVecInt;
import org.sat4j.specs.TimeoutException;

/**
 * A formula under construction in Sat4j, with Tseitin gates: {@link #and} and {@link #or} return a literal
 * that is <em>equivalent</em> to the gate (both directions), so every query, about a literal or its negation,
 * is exact. Literal {@link #TRUE} is a variable fixed true; constants fold away before they reach the solver.
 */
final class Cnf {
    static final int TRUE = 1;
    static final int FALSE = -1;

    private final ISolver solver = SolverFactory.newDefault();
    private int vars = 1;
    private boolean contradiction;
    private final Map<String, Integer> gates = new HashMap<>();
    private int[] model;

    Cnf() {
        solver.setTimeout(3600);
        clause(TRUE);
    }

    int newVar() {
        return ++vars;
    }

    int variables() {
        return vars;
    }

    /** Adds a clause; a clause with a true literal is dropped, false literals are left out. */
    void clause(int... lits) {
        Set<Integer> kept = new LinkedHashSet<>();
        for (int l : lits) {
            if (l == TRUE || (l != FALSE && kept.contains(-l))) {
                return;
            }
            if (l != FALSE) {
                kept.add(l);
            }
        }
        if (kept.isEmpty()) {
            contradiction = true;
            return;
        }
        try {
            solver.addClause(new VecInt(kept.stream().mapToInt(Integer::intValue).toArray()));
        } catch (ContradictionException e) {
            contradiction = true; // the formula is unsatisfiable whatever else is added
        }
    }

    void implies(int a, int b) {
        clause(-a, b);
    }

    void equal(int a, int b) {
        implies(a, b);
        implies(b, a);
    }

    /** At most {@code k} of {@code lits} true (Sat4j's native cardinality constraint). */
    void atMost(List<Integer> lits, int k) {
        try {
            solver.addAtMost(new VecInt(lits.stream().mapToInt(Integer::intValue).toArray()), k);
        } catch (ContradictionException e) {
            contradiction = true;
        }
    }

    void exactlyOne(List<Integer> lits) {
        clause(lits.stream().mapToInt(Integer::intValue).toArray());
        atMost(lits, 1);
    }

    int and(int... lits) {
        List<Integer> kept = new ArrayList<>();
        for (int l : lits) {
            if (l == FALSE) {
                return FALSE;
            }
            if (l != TRUE && !kept.contains(l)) {
                if (kept.contains(-l)) {
                    return FALSE;
                }
                kept.add(l);
            }
        }
        if (kept.isEmpty()) {
            return TRUE;
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        int[] sorted = kept.stream().mapToInt(Integer::intValue).sorted().toArray();
        String key = Arrays.toString(sorted);
        Integer known = gates.get(key);
        if (known != null) {
            return known;
        }
        int g = newVar();
        int[] back = new int[sorted.length + 1];
        for (int i = 0; i < sorted.length; i++) {
            clause(-g, sorted[i]);
            back[i] = -sorted[i];
        }
        back[sorted.length] = g;
        clause(back);
        gates.put(key, g);
        return g;
    }

    int and(List<Integer> lits) {
        return and(lits.stream().mapToInt(Integer::intValue).toArray());
    }

    int or(int... lits) {
        int[] negated = Arrays.stream(lits).map(l -> -l).toArray();
        return -and(negated);
    }

    int or(List<Integer> lits) {
        return or(lits.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether the formula has a model in which every literal of {@code assumptions} holds; keeps the model. */
    boolean solve(int... assumptions) {
        model = null;
        if (contradiction) {
            return false;
        }
        for (int a : assumptions) {
            if (a == FALSE) {
                return false;
            }
        }
        IVecInt assumed = new VecInt(Arrays.stream(assumptions).filter(a -> a != TRUE).toArray());
        try {
            if (!solver.isSatisfiable(assumed)) {
                return false;
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("internal error: the SAT solver timed out", e);
        }
        int[] m = solver.model();
        model = new int[vars + 1];
        for (int l : m) {
            if (Math.abs(l) <= vars) {
                model[Math.abs(l)] = l > 0 ? 1 : -1;
            }
        }
        model[TRUE] = 1;
        return true;
    }

    /**
     * After {@link #solve} found no model: a subset of its assumptions that already has none (Sat4j's explanation),
     * or all of them where the solver gives none.
     */
    int[] core(int... assumptions) {
        IVecInt e = contradiction ? new VecInt() : solver.unsatExplanation();
        if (e == null) {
            return assumptions.clone();
        }
        int[] out = new int[e.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.get(i);
        }
        return out;
    }

    /** A literal's value in the last model (a variable the solver never saw is false). */
    boolean value(int lit) {
        if (model == null) {
            throw new IllegalStateException("no model");
        }
        if (lit == TRUE) {
            return true;
        }
        if (lit == FALSE) {
            return false;
        }
        boolean positive = model[Math.abs(lit)] > 0;
        return lit > 0 ? positive : !positive;
    }
}
