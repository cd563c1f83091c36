package dev.accelgen.pe.vector;

/**
 * A {@link ScheduledModel} whose ABUF reads come from one sequencer issuing at most one read per cycle: the read's
 * data reaches {@link #process} the cycle after (the x stage) together with the read's event.
 */
public abstract class ReadSeqModel<E extends ReadSeqModel.Read> extends ScheduledModel {
    /** A read event of a sequencer. */
    public interface Read {
        int addr();
    }

    /** A sequencer: its registered event of this cycle (null: no read), {@link #tick} computes the next one. */
    public interface Seq<E extends Read> {
        E event();

        boolean active();

        void tick();
    }

    private final Seq<E> seq;
    private E x;

    protected ReadSeqModel(VecEngineConfig cfg, Seq<E> seq) {
        super(cfg);
        this.seq = seq;
    }

    @Override
    protected final boolean working() {
        return seq.active() || seq.event() != null || x != null;
    }

    @Override
    protected final void driveReads() {
        E e = seq.event();
        ab.rdEn = e != null;
        ab.rdAddr = e != null ? e.addr() : 0;
    }

    @Override
    protected final void step() {
        if (x != null) {
            process(x, ab.rdData);
        }
        x = seq.event();
        seq.tick();
    }

    /** The x stage: {@code data} is the word read for {@code e}. */
    protected abstract void process(E e, int[] data);
}
