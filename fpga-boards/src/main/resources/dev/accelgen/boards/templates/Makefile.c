@@HEADER@@
# Builds the /dev/mem host program on the board (or with an aarch64 cross compiler: make CC=aarch64-linux-gnu-gcc).
CC ?= gcc
CFLAGS ?= -O2 -Wall -Wextra

accel_host: accel_host.c accel_config.h
	$(CC) $(CFLAGS) -o $@ accel_host.c

clean:
	rm -f accel_host

.PHONY: clean
