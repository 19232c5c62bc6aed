"""What an edition gets besides its pages: colours, embeddable blocks, open data, feeds."""
