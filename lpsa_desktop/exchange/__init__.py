"""Agreement packages (``.lpsa``) for exchange between laptops: the file format, its
signature and its hardened reading. The merge itself is pure and lives in
``domain.three_way``; services combine the two with the store."""
