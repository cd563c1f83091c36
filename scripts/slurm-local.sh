#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for testing cluster runs (accelgen regress --slurm):
#   scripts/slurm-local.sh start DIR   starts munged and slurmctld/slurmd with everything (config, spool, state,
#                                      logs, pid files, munge socket) under DIR, waits until the node is idle and
#                                      prints SLURM_CONF=DIR/slurm.conf (export it to use sbatch, squeue, ...)
#   scripts/slurm-local.sh stop DIR    stops that cluster (scontrol shutdown, then munged by its pid)
# Needs root and Debian's slurm-wlm and munge (scripts/ensure-tools.sh --slurm installs them). Free TCP
# ports are chosen at start, so several clusters (or one beside a real installation) do not collide.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
DIR=$(realpath -m "$2")

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

write_conf() {
    local host cpus mem ctld_port slurmd_port
    host=$(hostname -s)
    cpus=$(nproc)
    mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
    ctld_port=$(free_port)
    slurmd_port=$(free_port)
    while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port=$(free_port); done
    cat > "$DIR/slurm.conf" <<CONF
ClusterName=accelgen-local
SlurmctldHost=$host
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$DIR/munge/munge.socket
CredType=cred/munge
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
    for tool in munged slurmctld slurmd sinfo; do
        command -v "$tool" >/dev/null || PATH="$PATH:/usr/sbin"
        command -v "$tool" >/dev/null || { echo "slurm-local: $tool is missing: apt-get install -y slurm-wlm munge" >&2; exit 1; }
    done
    [ "$(id -u)" = 0 ] || { echo "slurm-local: must run as root (munged runs as the munge user, slurmd as root)" >&2; exit 1; }
    mkdir -p "$DIR"/{state,spool,run,log}
    chmod 755 "$DIR"   # munged (as user munge) checks and traverses the path to its socket
    runuser -u munge -- test -x "$DIR" || { echo "slurm-local: munged runs as user munge and cannot reach $DIR:" \
        "make its parent directories traversable (chmod o+x)" >&2; exit 1; }
    install -d -o munge -g munge -m 0755 "$DIR/munge"
    # Every daemon gets its own stdio: a caller reading this script's output must see it end.
    (cd / && exec setsid runuser -u munge -- munged -F --socket="$DIR/munge/munge.socket" \
        --pid-file="$DIR/munge/munged.pid" --log-file="$DIR/munge/munged.log" --seed-file="$DIR/munge/munged.seed") \
        >"$DIR/log/munged.out" 2>&1 </dev/null &
    for _ in $(seq 50); do [ -S "$DIR/munge/munge.socket" ] && break; sleep 0.1; done
    munge -n -S "$DIR/munge/munge.socket" | unmunge -S "$DIR/munge/munge.socket" >/dev/null \
        || { echo "slurm-local: munged did not start:" >&2; cat "$DIR/log/munged.out" >&2; exit 1; }
    write_conf
    export SLURM_CONF="$DIR/slurm.conf"
    slurmctld -f "$SLURM_CONF" </dev/null >>"$DIR/log/slurmctld.out" 2>&1
    slurmd -f "$SLURM_CONF" </dev/null >>"$DIR/log/slurmd.out" 2>&1
    for _ in $(seq 100); do
        state=$(sinfo -h -o %T 2>/dev/null || true)
        [ "$state" = idle ] && { echo "SLURM_CONF=$SLURM_CONF"; return 0; }
        sleep 0.2
    done
    echo "slurm-local: the node did not become idle (state '${state:-none}'); logs in $DIR/log" >&2
    tail -n 20 "$DIR/log/"*.log >&2 || true
    exit 1
}

stop_pid() {   # stop_pid PIDFILE NAME: SIGTERM, wait up to 5 s, then SIGKILL
    local pid
    [ -f "$1" ] || return 0
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    echo "slurm-local: $2 (pid $pid) ignored SIGTERM; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
}

stop() {
    if [ -f "$DIR/slurm.conf" ]; then
        SLURM_CONF="$DIR/slurm.conf" scontrol shutdown >/dev/null 2>&1 || true
        for _ in $(seq 50); do
            [ -f "$DIR/run/slurmctld.pid" ] || [ -f "$DIR/run/slurmd.pid" ] || break
            sleep 0.1
        done
    fi
    stop_pid "$DIR/run/slurmd.pid" slurmd
    stop_pid "$DIR/run/slurmctld.pid" slurmctld
    stop_pid "$DIR/munge/munged.pid" munged
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
