"""Starting, copying, deleting agreements; editing councils."""
