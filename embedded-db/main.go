// Command embedded-db runs FerretDB (MongoDB wire protocol, SQLite storage) for
// local development and tests, where no MongoDB server is installed.
//
// Usage: embedded-db -dir ./data/db -listen 127.0.0.1:27017
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dir := flag.String("dir", "data/db", "folder for the SQLite files")
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	logLevel := flag.String("log-level", "error", "debug, info, warn or error")
	exitWithStdin := flag.Bool("exit-with-stdin", false, "stop when standard input closes (the parent process died)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("invalid -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail("invalid -dir: %v", err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		fail("cannot create data folder %s: %v", abs, err)
	}

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		// WAL with synchronous=NORMAL: a commit is written, not flushed to the disk; the
		// checkpoint flushes. A killed process loses nothing; a power cut can lose the last
		// moments, as MongoDB's default write concern can. With a flush per commit, SQLite
		// managed about a hundred commits a second however many writers were waiting.
		SQLiteURL: "file:" + abs + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		fail("cannot start: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *exitWithStdin {
		// A parent killed with SIGKILL cannot stop us; its end of the pipe closing can.
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	// The parent process waits for this line before it connects.
	fmt.Printf("embedded-db listening on %s\n", *listen)
	if err := db.Run(ctx); err != nil && ctx.Err() == nil {
		fail("stopped: %v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "embedded-db: "+format+"\n", args...)
	os.Exit(1)
}
