from policykb.cli import main

raise SystemExit(main())
