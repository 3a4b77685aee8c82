from pos.cli import main

raise SystemExit(main())
